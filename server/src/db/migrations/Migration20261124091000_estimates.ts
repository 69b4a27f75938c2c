import { Migration } from '@mikro-orm/migrations';

export class Migration20261124091000_estimates extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "estimate_settings" ("id" serial primary key, "store_id" int not null, "tax_basis_points" int not null default 0, "version" int not null default 1);`);
    this.addSql(`alter table "estimate_settings" add constraint "estimate_settings_store_id_unique" unique ("store_id");`);

    this.addSql(`create table "estimate" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "status" text check ("status" in ('DRAFT', 'SENT', 'APPROVED', 'DECLINED', 'SUPERSEDED')) not null default 'DRAFT', "version" int not null default 1, "supplemental" boolean not null default false, "reason" varchar(500) null, "tax_basis_points" int not null default 0, "created_by_id" int null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "sent_at" timestamptz null);`);
    this.addSql(`create index "estimate_work_order_id_status_index" on "estimate" ("work_order_id", "status");`);

    this.addSql(`create table "estimate_line" ("id" serial primary key, "estimate_id" int not null, "position" int not null, "kind" text check ("kind" in ('PART', 'LABOUR', 'FEE')) not null, "description" varchar(200) not null, "part_number" varchar(40) null, "part_source" text check ("part_source" in ('OEM', 'AFTERMARKET')) null, "quantity_milli" int null, "unit_price_fen" int null, "skill" text check ("skill" in ('ENGINE', 'ELECTRICAL', 'CHASSIS', 'BODY', 'PAINT', 'MAINTENANCE')) null, "hours_centi" int null, "hourly_rate_fen" int null, "amount_fen" int not null, "payer" text check ("payer" in ('CUSTOMER', 'WARRANTY', 'INSURANCE')) not null, "alternative_group" varchar(40) null, "trade_off" varchar(200) null, "deferrable" boolean not null default false, "risk" varchar(200) null, "decision" text check ("decision" in ('PENDING', 'APPROVED', 'DEFERRED', 'DECLINED')) not null default 'PENDING', "requested_payer" text check ("requested_payer" in ('CUSTOMER', 'WARRANTY', 'INSURANCE')) null, "warranty_confirmed" boolean null, "warranty_claim_number" varchar(60) null, "warranty_note" varchar(500) null, "warranty_decided_at" timestamptz null, "warranty_decided_by_id" int null, "job_id" int null);`);
    this.addSql(`create index "estimate_line_estimate_id_index" on "estimate_line" ("estimate_id");`);

    this.addSql(`create table "estimate_approval" ("id" serial primary key, "store_id" int not null, "estimate_id" int not null, "estimate_version" int not null, "method" text check ("method" in ('ON_SITE_SIGNATURE', 'PHONE', 'LINK')) not null, "approved_at" timestamptz not null, "approver_name" varchar(60) not null, "approved_by_id" int null, "signature_upload_id" int null, "note" varchar(500) null, "approved_line_ids" jsonb not null, "deferred_line_ids" jsonb not null, "declined_line_ids" jsonb not null, "total_fen" int not null, "customer_fen" int not null);`);
    this.addSql(`create index "estimate_approval_estimate_id_index" on "estimate_approval" ("estimate_id");`);

    this.addSql(`alter table "estimate_settings" add constraint "estimate_settings_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);

    this.addSql(`alter table "estimate" add constraint "estimate_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "estimate" add constraint "estimate_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "estimate" add constraint "estimate_created_by_id_foreign" foreign key ("created_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "estimate_line" add constraint "estimate_line_estimate_id_foreign" foreign key ("estimate_id") references "estimate" ("id") on update cascade;`);
    this.addSql(`alter table "estimate_line" add constraint "estimate_line_warranty_decided_by_id_foreign" foreign key ("warranty_decided_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "estimate_approval" add constraint "estimate_approval_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "estimate_approval" add constraint "estimate_approval_estimate_id_foreign" foreign key ("estimate_id") references "estimate" ("id") on update cascade;`);
    this.addSql(`alter table "estimate_approval" add constraint "estimate_approval_approved_by_id_foreign" foreign key ("approved_by_id") references "staff" ("id") on update cascade on delete set null;`);

    // R-EST-4: an approval is immutable; the database refuses updates and deletes, as for the event log.
    this.addSql(`create trigger estimate_approval_immutable before update or delete on "estimate_approval" for each row execute function workbay_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists estimate_approval_immutable on "estimate_approval";`);
    this.addSql(`alter table "estimate_line" drop constraint "estimate_line_estimate_id_foreign";`);

    this.addSql(`alter table "estimate_approval" drop constraint "estimate_approval_estimate_id_foreign";`);

    this.addSql(`drop table if exists "estimate_settings" cascade;`);

    this.addSql(`drop table if exists "estimate" cascade;`);

    this.addSql(`drop table if exists "estimate_line" cascade;`);

    this.addSql(`drop table if exists "estimate_approval" cascade;`);
  }

}
