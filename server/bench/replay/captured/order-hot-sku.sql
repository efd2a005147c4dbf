-- POST /api/v1/orders (1 hot SKU): the statements the server sent for one request (bench/lib/capture.ts, `npm run bench -w server -- --capture`)
-- captured 2026-11-26T21:25:35.645Z from MariaDB's general log; "thread" is the connection.
/* thread 2937, Query */ SELECT `id`, `user_id` AS `userId`, `name`, `phone`, `province`, `city`, `district`, `detail`, `is_default` AS `isDefault`, `created_at` AS `createdAt`, `updated_at` AS `updatedAt` FROM `addresses` AS `Address` WHERE `Address`.`id` = 4 AND `Address`.`user_id` = 4;
/* thread 2937, Query */ START TRANSACTION;
/* thread 2937, Execute */ INSERT INTO `idempotency_keys` (`id`,`user_id`,`scope`,`idem_key`,`request_hash`,`status`,`created_at`) VALUES (DEFAULT,?,?,?,?,?,?);
/* thread 2937, Query */ SELECT s.id AS sku_id, s.product_id, p.title, s.specs_json, s.image AS sku_image, s.price_fen, s.stock, p.on_shelf, s.disabled_at, (SELECT i.url FROM product_images i WHERE i.product_id = p.id ORDER BY i.sort, i.id LIMIT 1) AS main_image FROM skus s JOIN products p ON p.id = s.product_id WHERE s.id IN (1001);
/* thread 2937, Query */ UPDATE skus SET stock = stock - CASE id WHEN 1001 THEN 1 END WHERE id IN (1001) AND stock >= CASE id WHEN 1001 THEN 1 END;
/* thread 2937, Execute */ INSERT INTO `orders` (`id`,`order_no`,`user_id`,`kind`,`status`,`items_total_fen`,`discount_fen`,`shipping_fen`,`payable_fen`,`address_json`,`remark`,`pay_deadline`,`created_at`,`updated_at`) VALUES (DEFAULT,?,?,?,?,?,?,?,?,?,?,?,?,?);
/* thread 2937, Query */ INSERT INTO `order_items` (`id`,`order_id`,`product_id`,`sku_id`,`title`,`specs_json`,`image`,`unit_price_fen`,`quantity`,`line_total_fen`,`campaign_json`,`created_at`) VALUES (NULL,4,51,1001,'压测爆款','{}','https://img.linli.example/bench/压测爆款-1.jpg',1000,1,1000,NULL,'2026-11-26 21:25:35');
/* thread 2937, Query */ SELECT `id` FROM `order_items` AS `OrderItem` WHERE `OrderItem`.`order_id` = 4 ORDER BY `OrderItem`.`id` ASC;
/* thread 2937, Query */ DELETE FROM cart_items WHERE user_id = 4 AND sku_id IN (1001) AND quantity <= CASE sku_id WHEN 1001 THEN 1 END;
/* thread 2937, Query */ UPDATE cart_items SET quantity = quantity - CASE sku_id WHEN 1001 THEN 1 END, updated_at = '2026-11-26 21:25:35' WHERE user_id = 4 AND sku_id IN (1001) AND quantity > CASE sku_id WHEN 1001 THEN 1 END;
/* thread 2937, Execute */ UPDATE `idempotency_keys` SET `status`=?,`response_status`=?,`response_json`=? WHERE `id` = ?;
/* thread 2937, Query */ COMMIT;
