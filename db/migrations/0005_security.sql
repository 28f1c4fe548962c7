CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`address` text NOT NULL,
	`email` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_address_idx` ON `login_failures` (`address`,`at`);--> statement-breakpoint
CREATE INDEX `login_failures_email_idx` ON `login_failures` (`email`,`at`);--> statement-breakpoint
ALTER TABLE `quarters` ADD `finalised_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `recruitment_measures` ADD `updated_by_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `statuses` ADD `updated_by_id` integer REFERENCES users(id);--> statement-breakpoint
-- INSERT OR REPLACE removes the old row without firing the delete trigger (SQLite runs delete
-- triggers for REPLACE only with recursive_triggers on, a per-connection setting): refuse an insert
-- that would reuse an existing id, whatever connection makes it.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- Link existing rows to their accounts where the name shown is unambiguous, so pseudonymising a
-- person also reaches what they wrote before the id was recorded.
UPDATE `statuses` SET `updated_by_id` = (SELECT `id` FROM `users` WHERE `users`.`name` = `statuses`.`updated_by`)
WHERE (SELECT count(*) FROM `users` WHERE `users`.`name` = `statuses`.`updated_by`) = 1;
--> statement-breakpoint
UPDATE `recruitment_measures` SET `updated_by_id` = (SELECT `id` FROM `users` WHERE `users`.`name` = `recruitment_measures`.`updated_by`)
WHERE (SELECT count(*) FROM `users` WHERE `users`.`name` = `recruitment_measures`.`updated_by`) = 1;
--> statement-breakpoint
UPDATE `quarters` SET `finalised_by_id` = (SELECT `id` FROM `users` WHERE `users`.`name` = `quarters`.`finalised_by`)
WHERE (SELECT count(*) FROM `users` WHERE `users`.`name` = `quarters`.`finalised_by`) = 1;
