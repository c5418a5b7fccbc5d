-- +goose Up
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_charges" table
CREATE TABLE `new_charges` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `description` text NOT NULL, `recurrence` text NOT NULL DEFAULT ('ONE_OFF'), `quantity` text NOT NULL, `unit_price` text NOT NULL, `amount` text NOT NULL, `tax_rate` text NULL, `status` text NOT NULL DEFAULT ('PENDING'), `date` datetime NULL, `start_date` datetime NULL, `end_date` datetime NULL, `billed_through` datetime NULL, `period_start` datetime NULL, `period_end` datetime NULL, `customer_charges` integer NOT NULL, `invoice_charges` integer NULL, `product_charges` integer NULL, CONSTRAINT `charges_customers_charges` FOREIGN KEY (`customer_charges`) REFERENCES `customers` (`id`) ON DELETE NO ACTION, CONSTRAINT `charges_invoices_charges` FOREIGN KEY (`invoice_charges`) REFERENCES `invoices` (`id`) ON DELETE SET NULL, CONSTRAINT `charges_products_charges` FOREIGN KEY (`product_charges`) REFERENCES `products` (`id`) ON DELETE SET NULL);
-- set sequence for "new_charges" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_charges", 25769803776);
-- copy rows from old table "charges" to new temporary table "new_charges"
INSERT INTO `new_charges` (`id`, `created_at`, `updated_at`, `kind`, `description`, `quantity`, `unit_price`, `amount`, `tax_rate`, `status`, `period_start`, `period_end`, `customer_charges`, `invoice_charges`, `product_charges`) SELECT `id`, `created_at`, `updated_at`, `kind`, `description`, `quantity`, `unit_price`, `amount`, `tax_rate`, `status`, `period_start`, `period_end`, `customer_charges`, `invoice_charges`, `product_charges` FROM `charges`;
-- drop "charges" table after copying rows
DROP TABLE `charges`;
-- rename temporary table "new_charges" to "charges"
ALTER TABLE `new_charges` RENAME TO `charges`;
-- create "new_products" table
CREATE TABLE `new_products` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `reference` text NOT NULL, `category` text NULL, `accounting_code` text NULL, `description` text NULL, `recurrence` text NOT NULL DEFAULT ('ONE_OFF'), `tax_rate` text NULL, `cost_price` text NOT NULL);
-- set sequence for "new_products" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_products", 55834574848);
-- copy rows from old table "products" to new temporary table "new_products"
INSERT INTO `new_products` (`id`, `created_at`, `updated_at`, `name`, `description`, `recurrence`, `tax_rate`) SELECT `id`, `created_at`, `updated_at`, `name`, `description`, `recurrence`, `tax_rate` FROM `products`;
-- drop "products" table after copying rows
DROP TABLE `products`;
-- rename temporary table "new_products" to "products"
ALTER TABLE `new_products` RENAME TO `products`;
-- create index "products_reference_key" to table: "products"
CREATE UNIQUE INDEX `products_reference_key` ON `products` (`reference`);
-- create "product_prices" table
CREATE TABLE `product_prices` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `price` text NOT NULL, `product_id` integer NOT NULL, `tariff_id` integer NOT NULL, CONSTRAINT `product_prices_products_prices` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE NO ACTION, CONSTRAINT `product_prices_tariffs_product_prices` FOREIGN KEY (`tariff_id`) REFERENCES `tariffs` (`id`) ON DELETE NO ACTION);
-- set sequence for "product_prices" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("product_prices", 94489280512);
-- create index "productprice_product_id_tariff_id" to table: "product_prices"
CREATE UNIQUE INDEX `productprice_product_id_tariff_id` ON `product_prices` (`product_id`, `tariff_id`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- +goose Down
-- reverse: create index "productprice_product_id_tariff_id" to table: "product_prices"
DROP INDEX `productprice_product_id_tariff_id`;
-- reverse: set sequence for "product_prices" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "product_prices";
-- reverse: create "product_prices" table
DROP TABLE `product_prices`;
-- reverse: create index "products_reference_key" to table: "products"
DROP INDEX `products_reference_key`;
-- reverse: set sequence for "new_products" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_products";
-- reverse: create "new_products" table
DROP TABLE `new_products`;
-- reverse: set sequence for "new_charges" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_charges";
-- reverse: create "new_charges" table
DROP TABLE `new_charges`;
