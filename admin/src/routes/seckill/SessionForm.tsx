import { App, DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCreateSession } from './api';
import { DEFAULT_SESSION_HOURS, DEFAULT_SESSION_LENGTH, sessionWindow } from '@display';

interface Values {
  day: Dayjs;
  hour: number;
  hours: number;
}

const HOURS = Array.from({ length: 24 }, (_, h) => ({
  value: h,
  label: `${String(h).padStart(2, '0')}:00${DEFAULT_SESSION_HOURS.includes(h) ? '（常用）' : ''}`,
}));

/** 新建场次: a day, a whole starting hour (Beijing time) and a length; the same window again is the same session. */
export function SessionForm({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(id: number): void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateSession();
  const submit = (v: Values) => {
    const window = sessionWindow(v.day.format('YYYY-MM-DD'), v.hour, v.hours);
    if (!window) return void message.error('场次须为整点，时长 1–24 小时');
    create.mutate(window, {
      onSuccess: (r) => {
        void message.success('场次已保存');
        onCreated(r.id);
        onClose();
      },
      onError: (e) => void message.error(e.message),
    });
  };
  return (
    <Modal
      open={open}
      title="新建秒杀场次（北京时间）"
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      okButtonProps={{ loading: create.isPending, 'data-testid': 'sk-session-save' } as never}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ hours: DEFAULT_SESSION_LENGTH, hour: 10 }}
      >
        <Form.Item name="day" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker data-testid="sk-session-day" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="hour" label="开始（整点）" rules={[{ required: true }]}>
          <Select data-testid="sk-session-hour" options={HOURS} />
        </Form.Item>
        <Form.Item name="hours" label="时长（小时）" rules={[{ required: true }]}>
          <InputNumber data-testid="sk-session-hours" min={1} max={24} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
