CREATE INDEX `agreements_active_idx` ON `agreements` (`ended_on`,`signed_on`,`municipality_code`,`organisation`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_id_idx` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE INDEX `statuses_quarter_category_idx` ON `statuses` (`quarter_code`,`category`);