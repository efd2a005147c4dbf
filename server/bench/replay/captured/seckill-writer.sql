-- the seckill order writer, one queued attempt: the statements the server sent for one request (bench/lib/capture.ts, `npm run bench -w server -- --capture`)
-- captured 2026-12-08T01:10:59.660Z from MariaDB's general log; "thread" is the connection.
/* thread 2108, Query */ SELECT `id`, `session_id` AS `sessionId`, `sku_id` AS `skuId`, `product_id` AS `productId`, `price_fen` AS `priceFen`, `stock`, `per_user_limit` AS `perUserLimit`, `returned`, `created_at` AS `createdAt`, `updated_at` AS `updatedAt` FROM `seckill_items` AS `SeckillItem` WHERE `SeckillItem`.`id` = 1;
/* thread 2108, Query */ SELECT status, user_id, order_id, reason FROM seckill_purchases WHERE attempt_id = '1-1-mxe06id9-2' LIMIT 1;
/* thread 2108, Query */ SELECT `id`, `user_id` AS `userId`, `name`, `phone`, `province`, `city`, `district`, `detail`, `is_default` AS `isDefault`, `created_at` AS `createdAt`, `updated_at` AS `updatedAt` FROM `addresses` AS `Address` WHERE `Address`.`id` = 302 AND `Address`.`user_id` = 302;
/* thread 2108, Query */ START TRANSACTION;
/* thread 2108, Query */ INSERT INTO quota_counters (quota_key, used, updated_at) VALUES ('seckill:1:units', 0, '2026-12-08 01:10:59') ON DUPLICATE KEY UPDATE updated_at = VALUES(updated_at);
/* thread 2108, Query */ UPDATE quota_counters SET used = used + 1, updated_at = '2026-12-08 01:10:59' WHERE quota_key = 'seckill:1:units' AND used <= 99999;
/* thread 2108, Query */ INSERT INTO quota_counters (quota_key, used, updated_at) VALUES ('seckill:1:user:302', 0, '2026-12-08 01:10:59') ON DUPLICATE KEY UPDATE updated_at = VALUES(updated_at);
/* thread 2108, Query */ UPDATE quota_counters SET used = used + 1, updated_at = '2026-12-08 01:10:59' WHERE quota_key = 'seckill:1:user:302' AND used <= 98;
/* thread 2108, Query */ INSERT INTO seckill_purchases (attempt_id, item_id, user_id, quantity, status, reason, created_at, updated_at) VALUES ('1-1-mxe06id9-2', 1, 302, 1, 'ordered', NULL, '2026-12-08 01:10:59', '2026-12-08 01:10:59');
/* thread 2108, Query */ SELECT s.id AS sku_id, s.product_id, p.title, s.specs_json, s.image AS sku_image, s.price_fen, s.stock, p.on_shelf, s.disabled_at, (SELECT i.url FROM product_images i WHERE i.product_id = p.id ORDER BY i.sort, i.id LIMIT 1) AS main_image FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id IN (1003);
/* thread 2108, Query */ INSERT INTO orders (order_no, user_id, kind, status, items_total_fen, discount_fen, shipping_fen, payable_fen, address_json, remark, pay_deadline, created_at, updated_at) VALUES ('2026120809105941742335', 302, 'seckill', 'pending_payment', 990, 0, 800, 1790, '{\"name\":\"收货人\",\"phone\":\"13800138000\",\"province\":\"浙江省\",\"city\":\"杭州市\",\"district\":\"西湖区\",\"detail\":\"文三路 302 号\"}', '', '2026-12-08 01:15:59', '2026-12-08 01:10:59', '2026-12-08 01:10:59');
/* thread 2108, Query */ INSERT INTO order_items (order_id, product_id, sku_id, title, specs_json, image, unit_price_fen, quantity, line_total_fen, campaign_json, created_at) VALUES (11, 53, 1003, '压测秒杀', '{}', 'https://img.linli.example/bench/压测秒杀-1.jpg', 990, 1, 990, '{\"kind\":\"seckill\",\"campaignId\":1,\"stacking\":\"exclusive\"}', '2026-12-08 01:10:59');
/* thread 2108, Query */ SELECT id FROM order_items WHERE order_id = 11 ORDER BY id;
/* thread 2108, Query */ DELETE FROM cart_items WHERE user_id = 302 AND sku_id IN (1003) AND quantity <= CASE sku_id WHEN 1003 THEN 1 END;
/* thread 2108, Query */ UPDATE cart_items SET quantity = quantity - CASE sku_id WHEN 1003 THEN 1 END, updated_at = '2026-12-08 01:10:59' WHERE user_id = 302 AND sku_id IN (1003) AND quantity > CASE sku_id WHEN 1003 THEN 1 END;
/* thread 2108, Query */ UPDATE seckill_purchases SET order_id = 11, updated_at = '2026-12-08 01:10:59' WHERE id = 3;
/* thread 2108, Query */ COMMIT;
