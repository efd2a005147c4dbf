import { CloseOutlined, LoadingOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Image, Tooltip, Upload } from 'antd';
import { useState } from 'react';
import { IMAGE_ACCEPT, imageFileProblem, imageRequest } from './upload-image';

interface Props {
  /** optional so that a Form.Item can inject them */
  value?: string | null;
  onChange?(url: string | null): void;
  size?: number;
}

/** One optional image (a SKU's picture, a category icon): a small tile to upload, replace or clear it. */
export function SingleImageUpload({ value, onChange, size = 40 }: Props) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);

  const picker = (
    <Upload
      accept={IMAGE_ACCEPT}
      showUploadList={false}
      beforeUpload={(file) => {
        const problem = imageFileProblem(file);
        if (problem) {
          void message.error(problem);
          return Upload.LIST_IGNORE;
        }
        setUploading(true);
        return true;
      }}
      customRequest={imageRequest(
        (image) => {
          setUploading(false);
          onChange?.(image.url);
        },
        (error) => {
          setUploading(false);
          void message.error(`图片上传失败：${error.message}`);
        },
      )}
    >
      <Tooltip title={value ? '更换图片' : '上传图片'}>
        <Button
          aria-label={value ? '更换图片' : '上传图片'}
          icon={uploading ? <LoadingOutlined /> : <PictureOutlined />}
          disabled={uploading}
          style={{ width: size, height: size }}
        />
      </Tooltip>
    </Upload>
  );

  if (!value) return picker;
  return (
    <span className="single-image-upload">
      <Image src={value} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 4 }} alt="图片" />
      {picker}
      <Button
        type="text"
        size="small"
        aria-label="移除图片"
        icon={<CloseOutlined />}
        onClick={() => onChange?.(null)}
      />
    </span>
  );
}
