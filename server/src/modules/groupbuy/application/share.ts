// Sharing a group: the weapp poster's mini-program code from getwxacodeunlimit (scene `g=<code>`, ≤ 32 chars),
// cached in Redis for a day so a popular group costs one WeChat call.
import { GroupbuyErrors } from '../errors';
import type { GroupbuyDeps } from './ports';

export const GROUP_PAGE = 'subpackages/groupbuy/group/index';

export function groupScene(code: string): string {
  return `g=${code}`;
}

export async function groupWxaCode(deps: GroupbuyDeps, code: string): Promise<Buffer> {
  if (!(await deps.models.Group.count({ where: { code } }))) throw GroupbuyErrors.GROUP_NOT_FOUND();
  const key = `groupbuy:wxacode:${code}`;
  const cached = await deps.redis.getBuffer(key);
  if (cached) return cached;
  const image = await deps.wechat.unlimitedQrCode({ scene: groupScene(code), page: GROUP_PAGE, width: 430 });
  await deps.redis.set(key, image, 'EX', 86_400);
  return image;
}
