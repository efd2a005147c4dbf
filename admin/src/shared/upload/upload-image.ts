// Image upload for the admin: POST /api/admin/v1/uploads/images (multipart field `file`) through the shared client.
import type { UploadedImage } from '@contracts';
import type { UploadProps } from 'antd';
import { api } from '../api/client';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const IMAGE_ACCEPT = IMAGE_TYPES.join(',');
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export function uploadImage(file: Blob): Promise<UploadedImage> {
  const form = new FormData();
  form.append('file', file);
  return api.post<UploadedImage>('/api/admin/v1/uploads/images', form);
}

/** Why a picked file cannot be uploaded, or null when it may go (the server checks the bytes again). */
export function imageFileProblem(file: File): string | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return '仅支持 PNG、JPEG、GIF、WebP 图片';
  if (file.size > MAX_IMAGE_BYTES) return '图片不能超过 5 MB';
  return null;
}

type CustomRequest = NonNullable<UploadProps['customRequest']>;

/** An antd Upload `customRequest` that uploads through the shared client and reports the stored image's URL. */
export function imageRequest(onUploaded: (image: UploadedImage) => void, onFailed: (error: Error) => void) {
  const request: CustomRequest = ({ file, onSuccess, onError }) => {
    if (!(file instanceof Blob)) return;
    uploadImage(file).then(
      (image) => {
        onUploaded(image);
        onSuccess?.(image);
      },
      (e: unknown) => {
        const error = e instanceof Error ? e : new Error('上传失败');
        onFailed(error);
        onError?.(error);
      },
    );
  };
  return request;
}
