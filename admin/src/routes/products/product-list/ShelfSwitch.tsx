import type { AdminProductRow } from '@contracts';
import { App, Switch } from 'antd';
import { useSetShelf } from '../api/product-edit';

/** The row's on/off-shelf switch: calls the shelf endpoint, then the list reloads. */
export function ShelfSwitch({ row }: { row: AdminProductRow }) {
  const { message } = App.useApp();
  const shelf = useSetShelf();
  return (
    <Switch
      data-testid="product-shelf"
      aria-label={row.onShelf ? '下架商品' : '上架商品'}
      checked={row.onShelf}
      checkedChildren="已上架"
      unCheckedChildren="已下架"
      loading={shelf.isPending}
      onChange={(onShelf) =>
        shelf.mutate(
          { id: row.id, onShelf },
          {
            onSuccess: () => void message.success(onShelf ? `「${row.title}」已上架` : `「${row.title}」已下架`),
            onError: (e) => void message.error(e.message),
          },
        )
      }
    />
  );
}
