import { Migration } from '@mikro-orm/migrations';

export class Migration20261124121000_settlement extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "settlement_settings" ("id" serial primary key, "store_id" int not null, "discount_limit_fen" int not null default 10000, "points_per_yuan" int not null default 100, "points_earned_per_yuan" int not null default 1, "version" int not null default 1);`);
    this.addSql(`alter table "settlement_settings" add constraint "settlement_settings_store_id_unique" unique ("store_id");`);
    this.addSql(`create table "points_account" ("id" serial primary key, "store_id" int not null, "customer_id" int not null, "balance" int not null default 0, "version" int not null default 1, constraint points_account_balance_check check (balance >= 0));`);
    this.addSql(`alter table "points_account" add constraint "points_account_customer_id_unique" unique ("customer_id");`);
    this.addSql(`create table "settlement" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "customer_id" int not null, "number" varchar(20) not null, "version" int not null default 1, "lines" jsonb not null, "parts_fen" int not null, "labour_fen" int not null, "fees_fen" int not null, "discount_fen" int not null, "points_fen" int not null, "tax_fen" int not null, "total_fen" int not null, "customer_fen" int not null, "warranty_fen" int not null, "insurance_fen" int not null, "discount_reason" varchar(200) null, "points_redeemed" int not null, "points_earned" int not null, "payments" jsonb not null, "invoice_kind" text check ("invoice_kind" in ('ORDINARY', 'SPECIAL')) null, "invoice_company_name" varchar(100) null, "invoice_tax_id" varchar(18) null, "settled_by_id" int null, "settled_at" timestamptz not null default now());`);
    this.addSql(`create index "settlement_work_order_id_index" on "settlement" ("work_order_id");`);
    this.addSql(`alter table "settlement" add constraint "settlement_store_id_number_unique" unique ("store_id", "number");`);
    this.addSql(`create table "settlement_reversal" ("id" serial primary key, "store_id" int not null, "settlement_id" int not null, "version" int not null default 1, "reason" varchar(500) not null, "reversed_by_id" int null, "reversed_at" timestamptz not null default now());`);
    this.addSql(`alter table "settlement_reversal" add constraint "settlement_reversal_settlement_id_unique" unique ("settlement_id");`);
    this.addSql(`create table "points_entry" ("id" serial primary key, "account_id" int not null, "delta" int not null, "balance_after" int not null, "reason" varchar(200) not null, "settlement_id" int null, "recorded_by_id" int null, "at" timestamptz not null default now());`);
    this.addSql(`create index "points_entry_account_id_id_index" on "points_entry" ("account_id", "id");`);
    this.addSql(`alter table "settlement_settings" add constraint "settlement_settings_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "points_account" add constraint "points_account_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "points_account" add constraint "points_account_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "settlement" add constraint "settlement_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "settlement" add constraint "settlement_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "settlement" add constraint "settlement_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "settlement" add constraint "settlement_settled_by_id_foreign" foreign key ("settled_by_id") references "staff" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "settlement_reversal" add constraint "settlement_reversal_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "settlement_reversal" add constraint "settlement_reversal_settlement_id_foreign" foreign key ("settlement_id") references "settlement" ("id") on update cascade;`);
    this.addSql(`alter table "settlement_reversal" add constraint "settlement_reversal_reversed_by_id_foreign" foreign key ("reversed_by_id") references "staff" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "points_entry" add constraint "points_entry_account_id_foreign" foreign key ("account_id") references "points_account" ("id") on update cascade;`);
    this.addSql(`alter table "points_entry" add constraint "points_entry_settlement_id_foreign" foreign key ("settlement_id") references "settlement" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "points_entry" add constraint "points_entry_recorded_by_id_foreign" foreign key ("recorded_by_id") references "staff" ("id") on update cascade on delete set null;`);
    // A settlement, its reversal and every points entry are never changed (R-DEL-3, R-SEG-5).
    this.addSql(`create trigger settlement_immutable before update or delete on "settlement" for each row execute function workbay_refuse_change();`);
    this.addSql(`create trigger settlement_reversal_immutable before update or delete on "settlement_reversal" for each row execute function workbay_refuse_change();`);
    this.addSql(`create trigger points_entry_immutable before update or delete on "points_entry" for each row execute function workbay_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists settlement_immutable on "settlement";`);
    this.addSql(`drop trigger if exists settlement_reversal_immutable on "settlement_reversal";`);
    this.addSql(`drop trigger if exists points_entry_immutable on "points_entry";`);
    this.addSql(`drop table if exists "points_entry" cascade;`);
    this.addSql(`drop table if exists "settlement_reversal" cascade;`);
    this.addSql(`drop table if exists "settlement" cascade;`);
    this.addSql(`drop table if exists "points_account" cascade;`);
    this.addSql(`drop table if exists "settlement_settings" cascade;`);
  }

}
