import type { CreateCategoryRequest } from '@contracts';
import { App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { SingleImageUpload } from '../../shared/upload/SingleImageUpload';
import type { CategoryRow } from './api';
import { useCreateCategory, useUpdateCategory } from './api';

interface Values {
  name: string;
  parentId?: number | null;
  sort: number;
  icon: string | null;
}

/** What the modal is doing: a new category (top-level, or under `parentId`) or editing one. */
export type CategoryModalState = { mode: 'create'; parentId: number | null } | { mode: 'edit'; category: CategoryRow };

interface Props {
  state: CategoryModalState | null;
  /** top-level categories: the possible parents */
  parents: readonly CategoryRow[];
  onClose(): void;
}

function initialValues(state: CategoryModalState): Values {
  if (state.mode === 'create') return { name: '', parentId: state.parentId ?? undefined, sort: 0, icon: null };
  const c = state.category;
  return { name: c.name, parentId: c.parentId ?? undefined, sort: c.sort, icon: c.icon };
}

export function CategoryFormModal({ state, parents, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const editing = state?.mode === 'edit' ? state.category : null;
  const saving = create.isPending || update.isPending;

  const onFinish = async (values: Values) => {
    const body: CreateCategoryRequest = {
      name: values.name.trim(),
      parentId: values.parentId ?? null,
      sort: values.sort ?? 0,
      icon: values.icon?.trim() || null,
    };
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, body });
        void message.success('分类已保存');
      } else {
        await create.mutateAsync(body);
        void message.success('分类已创建');
      }
      onClose();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '保存失败，请稍后再试');
    }
  };

  const parentOptions = parents.filter((p) => p.id !== editing?.id).map((p) => ({ value: p.id, label: p.name }));

  return (
    <Modal
      open={state !== null}
      title={editing ? `编辑分类：${editing.name}` : '新建分类'}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="save" type="primary" data-testid="category-save" loading={saving} onClick={() => form.submit()}>
          保存
        </Button>,
      ]}
    >
      {state && (
        <Form<Values> form={form} layout="vertical" initialValues={initialValues(state)} onFinish={onFinish}>
          <Form.Item
            label="分类名称"
            name="name"
            rules={[
              { required: true, whitespace: true, message: '请填写分类名称' },
              { max: 32, message: '最多 32 个字' },
            ]}
          >
            <Input data-testid="category-name" placeholder="如：水果生鲜" maxLength={32} showCount />
          </Form.Item>
          <Form.Item
            label="上级分类"
            name="parentId"
            extra={
              editing && editing.childCount > 0
                ? '该分类下还有子分类，不能再挂到其他分类下（分类最多两级）'
                : '不选则为一级分类；分类最多两级'
            }
          >
            <Select
              data-testid="category-parent"
              placeholder="无（一级分类）"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={parentOptions}
            />
          </Form.Item>
          <Form.Item
            label="排序"
            name="sort"
            tooltip="数字越小越靠前"
            rules={[{ required: true, message: '请填写排序' }]}
          >
            <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="图标" name="icon">
            <SingleImageUpload size={56} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
