import { Text, View } from '@tarojs/components';
import type { CampaignDetail } from '@contracts';
import { formatFen } from '@display';

type Quote = CampaignDetail['quotes'][number];
export type SeatRole = 'leader' | 'member';

/** Opening a group makes you its leader; a seat you hold keeps its role; anyone else would join as a member. */
export function viewerRole(opening: boolean, mine: { isLeader: boolean } | undefined): SeatRole {
  if (mine) return mine.isLeader ? 'leader' : 'member';
  return opening ? 'leader' : 'member';
}

/**
 * The price this viewer pays for one seat, and the shipping and total the cashier will ask for (the server's own
 * quote). When leader and member prices differ both are named, so nobody is shown the other role's price.
 */
export default function SeatPrice({ quote, role }: { quote: Quote; role: SeatRole }) {
  const mine = quote[role];
  const differ = quote.leader.unitPriceFen !== quote.member.unitPriceFen;
  return (
    <View className="gb-seat-price">
      <Text className="shop-price gb-seat-price__unit">
        {differ ? (role === 'leader' ? '团长价' : '团员价') : '拼团价'} {formatFen(mine.unitPriceFen)}
      </Text>
      {differ && (
        <Text className="shop-row__muted gb-seat-price__both">
          团长价 {formatFen(quote.leader.unitPriceFen)} · 团员价 {formatFen(quote.member.unitPriceFen)}
        </Text>
      )}
      <Text className="shop-row__muted gb-seat-price__total">
        运费 <Text className="gb-seat-price__shipping">{mine.shippingFen ? formatFen(mine.shippingFen) : '包邮'}</Text>
        {' · '}实付 <Text className="gb-seat-price__payable">{formatFen(mine.payableFen)}</Text>
      </Text>
    </View>
  );
}
