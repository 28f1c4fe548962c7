CREATE TABLE `account_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "account_token_purpose_known" CHECK("account_tokens"."purpose" IN ('reset', 'invite'))
);
--> statement-breakpoint
CREATE INDEX `account_tokens_user_idx` ON `account_tokens` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `mail_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`sent_at` text,
	`failed_at` text,
	`last_error` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mail_kind_known" CHECK("mail_outbox"."kind" IN ('reminder', 'summary', 'reset', 'invite'))
);
--> statement-breakpoint
CREATE INDEX `mail_outbox_due_idx` ON `mail_outbox` (`sent_at`,`failed_at`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `publications` (
	`quarter_code` text PRIMARY KEY NOT NULL,
	`published_at` text NOT NULL,
	`published_by_id` integer,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`quarter_code`) REFERENCES `quarters`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reminders_sent` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`quarter_code` text NOT NULL,
	`user_id` integer NOT NULL,
	`deadline` text,
	`at` text NOT NULL,
	FOREIGN KEY (`quarter_code`) REFERENCES `quarters`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reminder_kind_known" CHECK("reminders_sent"."kind" IN ('deadline_soon', 'deadline_today', 'overdue', 'ready_to_finalise'))
);
--> statement-breakpoint
ALTER TABLE `quarters` ADD `deadline` text;--> statement-breakpoint
ALTER TABLE `users` ADD `reminders` integer DEFAULT true NOT NULL;