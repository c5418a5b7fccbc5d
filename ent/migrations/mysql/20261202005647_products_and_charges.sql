-- +goose Up
-- modify "charges" table
ALTER TABLE `charges` MODIFY COLUMN `tax_rate` decimal(7,4) NULL, ADD COLUMN `recurrence` enum('ONE_OFF','MONTHLY','QUARTERLY','YEARLY') NOT NULL DEFAULT 'ONE_OFF', ADD COLUMN `date` datetime(6) NULL, ADD COLUMN `start_date` datetime(6) NULL, ADD COLUMN `end_date` datetime(6) NULL, ADD COLUMN `billed_through` datetime(6) NULL;
-- modify "products" table
ALTER TABLE `products` DROP COLUMN `unit_price`, MODIFY COLUMN `tax_rate` decimal(7,4) NULL, ADD COLUMN `reference` varchar(64) NOT NULL, ADD COLUMN `category` varchar(128) NULL, ADD COLUMN `accounting_code` varchar(64) NULL, ADD COLUMN `cost_price` decimal(18,4) NOT NULL, ADD UNIQUE INDEX `reference` (`reference`);
-- create "product_prices" table
CREATE TABLE `product_prices` (`id` bigint NOT NULL AUTO_INCREMENT, `price` decimal(18,4) NOT NULL, `product_id` bigint NOT NULL, `tariff_id` bigint NOT NULL, PRIMARY KEY (`id`), UNIQUE INDEX `productprice_product_id_tariff_id` (`product_id`, `tariff_id`), INDEX `product_prices_tariffs_product_prices` (`tariff_id`), CONSTRAINT `product_prices_products_prices` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON UPDATE RESTRICT ON DELETE NO ACTION, CONSTRAINT `product_prices_tariffs_product_prices` FOREIGN KEY (`tariff_id`) REFERENCES `tariffs` (`id`) ON UPDATE RESTRICT ON DELETE NO ACTION) CHARSET utf8mb4 COLLATE utf8mb4_bin AUTO_INCREMENT 94489280512;

-- +goose Down
-- reverse: create "product_prices" table
DROP TABLE `product_prices`;
-- reverse: modify "products" table
ALTER TABLE `products` DROP INDEX `reference`, DROP COLUMN `cost_price`, DROP COLUMN `accounting_code`, DROP COLUMN `category`, DROP COLUMN `reference`, MODIFY COLUMN `tax_rate` decimal(7,4) NOT NULL, ADD COLUMN `unit_price` decimal(18,2) NOT NULL;
-- reverse: modify "charges" table
ALTER TABLE `charges` DROP COLUMN `billed_through`, DROP COLUMN `end_date`, DROP COLUMN `start_date`, DROP COLUMN `date`, DROP COLUMN `recurrence`, MODIFY COLUMN `tax_rate` decimal(7,4) NOT NULL;
