CREATE TABLE `area_consultants` (
	`area_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	PRIMARY KEY(`area_id`, `user_id`),
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `area_consultants_user_idx` ON `area_consultants` (`user_id`);--> statement-breakpoint
CREATE TABLE `area_municipalities` (
	`municipality_code` text PRIMARY KEY NOT NULL,
	`area_id` integer NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `area_municipalities_area_idx` ON `area_municipalities` (`area_id`);--> statement-breakpoint
CREATE TABLE `areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_name_unique` ON `areas` (`name`);--> statement-breakpoint
CREATE TABLE `recruitment_measures` (
	`quarter_code` text NOT NULL,
	`municipality_code` text NOT NULL,
	`refugees_waiting` integer,
	`volunteers_missing` integer,
	`active_matches` integer,
	`new_matches` integer,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`quarter_code`, `municipality_code`),
	FOREIGN KEY (`quarter_code`) REFERENCES `quarters`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "recruitment_not_negative" CHECK(coalesce("recruitment_measures"."refugees_waiting", 0) >= 0 AND coalesce("recruitment_measures"."volunteers_missing", 0) >= 0 AND coalesce("recruitment_measures"."active_matches", 0) >= 0 AND coalesce("recruitment_measures"."new_matches", 0) >= 0)
);
--> statement-breakpoint
CREATE INDEX `recruitment_measures_municipality_idx` ON `recruitment_measures` (`municipality_code`,`quarter_code`);--> statement-breakpoint
CREATE TABLE `support_activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_code` text NOT NULL,
	`kind` text NOT NULL,
	`happened_on` text NOT NULL,
	`participants` integer,
	`note` text,
	`created_by` text NOT NULL,
	`created_by_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "support_activity_kind_known" CHECK("support_activities"."kind" IN ('dialogue_meeting', 'ryk_ud_course', 'recruitment_campaign', 'agreement_work', 'follow_up_call', 'other')),
	CONSTRAINT "support_participants_not_negative" CHECK("support_activities"."participants" IS NULL OR "support_activities"."participants" >= 0)
);
--> statement-breakpoint
CREATE INDEX `support_activities_municipality_idx` ON `support_activities` (`municipality_code`,`happened_on`);--> statement-breakpoint
CREATE INDEX `support_activities_date_idx` ON `support_activities` (`happened_on`);