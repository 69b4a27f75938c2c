import { Migration } from '@mikro-orm/migrations';

export class Migration20261124134500_segmentation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "segmentation_settings" ("id" serial primary key, "store_id" int not null, "lookback_months" int not null default 12, "a_min_spend_fen" int not null default 500000, "a_min_paid_visits" int not null default 3, "lost_after_months" int not null default 6, "long_gap_days" int not null default 180, "left_after_warranty_days" int not null default 90, "default_warranty_years" int not null default 2, "default_warranty_km" int not null default 60000, "frequent_visits" int not null default 4, "fault_prone_repairs" int not null default 3, "high_mileage_km_per_year" int not null default 30000, "behaviour_points_daily_cap" int not null default 100, "a_class_same_day" boolean not null default true, "version" int not null default 1);`);
    this.addSql(`alter table "segmentation_settings" add constraint "segmentation_settings_store_id_unique" unique ("store_id");`);

    this.addSql(`create table "customer_segment" ("customer_id" int not null, "store_id" int not null, "value_class" text check ("value_class" in ('A', 'B', 'C', 'D')) not null, "reasons" jsonb not null, "vehicle_age_class" text check ("vehicle_age_class" in ('IN_WARRANTY', 'TWO_TO_FIVE_YEARS', 'OVER_FIVE_YEARS')) null, "usage" text check ("usage" in ('PRIVATE', 'OFFICIAL', 'COMMERCIAL')) not null, "tags" text[] not null default '{}', "churn_level" text check ("churn_level" in ('HIGH', 'MEDIUM')) null, "churn_reasons" jsonb not null default '[]', "last_visit_at" timestamptz null, "computed_at" timestamptz not null, constraint "customer_segment_pkey" primary key ("customer_id"));`);
    this.addSql(`create index "customer_segment_churn_index" on "customer_segment" ("store_id", "customer_id") where "churn_level" is not null;`);

    this.addSql(`alter table "segmentation_settings" add constraint "segmentation_settings_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "customer_segment" add constraint "customer_segment_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_segment" add constraint "customer_segment_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`create index "settlement_customer_id_settled_at_index" on "settlement" ("customer_id", "settled_at");`);

    this.addSql(`alter table "points_entry" add column "behaviour" text check ("behaviour" in ('CHECK_IN', 'SHARE', 'SURVEY', 'REFERRAL', 'EVENT')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "segmentation_settings" cascade;`);

    this.addSql(`drop table if exists "customer_segment" cascade;`);

    this.addSql(`alter table "points_entry" drop column "behaviour";`);

    this.addSql(`drop index "settlement_customer_id_settled_at_index";`);
  }

}
