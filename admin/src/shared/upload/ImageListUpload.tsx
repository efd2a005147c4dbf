import { DeleteOutlined, LoadingOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Image, Upload } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import { useState } from 'react';
import { IMAGE_ACCEPT, imageFileProblem, imageRequest } from './upload-image';

interface Props {
  value: string[];
  onChange: Dispatch<SetStateAction<string[]>>;
  max?: number;
  /** on the file input's <label>: tests can set files on it or on the input inside */
  testId?: string;
}

/** A row of image tiles (preview, remove) and an upload tile; several files may upload at once. */
export function ImageListUpload({ value, onChange, max = 20, testId }: Props) {
  const { message } = App.useApp();
  const [pending, setPending] = useState(0);
  const full = value.length + pending >= max;

  const customRequest = imageRequest(
    (image) => {
      setPending((n) => n - 1);
      onChange((prev) => (prev.length < max ? [...prev, image.url] : prev));
    },
    (error) => {
      setPending((n) => n - 1);
      void message.error(`图片上传失败：${error.message}`);
    },
  );

  return (
    <div className="image-list-upload">
      {value.map((url, index) => (
        <div key={`${index}-${url}`} className="image-tile">
          <Image src={url} width={88} height={88} style={{ objectFit: 'cover' }} alt={`图片 ${index + 1}`} />
          <Button
            className="image-tile-remove"
            size="small"
            danger
            type="primary"
            aria-label="删除图片"
            icon={<DeleteOutlined />}
            onClick={() => onChange((prev) => prev.filter((_, i) => i !== index))}
          />
        </div>
      ))}
      {Array.from({ length: pending }, (_, i) => (
        <div key={`pending-${i}`} className="image-tile image-tile-pending">
          <LoadingOutlined />
        </div>
      ))}
      <label data-testid={testId} className="image-upload-label" hidden={full}>
        <Upload
          accept={IMAGE_ACCEPT}
          multiple
          showUploadList={false}
          disabled={full}
          beforeUpload={(file) => {
            const problem = imageFileProblem(file);
            if (problem) {
              void message.error(problem);
              return Upload.LIST_IGNORE;
            }
            setPending((n) => n + 1);
            return true;
          }}
          customRequest={customRequest}
        >
          <button type="button" className="image-upload-tile">
            <PlusOutlined />
            <span>上传图片</span>
          </button>
        </Upload>
      </label>
    </div>
  );
}
