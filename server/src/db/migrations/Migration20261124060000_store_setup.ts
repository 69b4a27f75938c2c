import { Migration } from '@mikro-orm/migrations';

/**
 * Platform §5: dealer groups, and versions for editing bays and staff.
 * Every existing store gets a group of its own (named after the store): no store starts sharing
 * service history with another one it was never grouped with; grouping stores is an explicit act.
 */
export class Migration20261124060000_store_setup extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "dealer_group" ("id" serial primary key, "name" varchar(100) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "store" add column "dealer_group_id" int null;`);
    this.addSql(`insert into "dealer_group" ("id", "name", "created_at") select "id", "name", "created_at" from "store";`);
    this.addSql(`update "store" set "dealer_group_id" = "id";`);
    this.addSql(`select setval(pg_get_serial_sequence('dealer_group', 'id'), coalesce((select max("id") from "dealer_group"), 0) + 1, false);`);
    this.addSql(`alter table "store" alter column "dealer_group_id" set not null;`);
    this.addSql(`alter table "store" add constraint "store_dealer_group_id_foreign" foreign key ("dealer_group_id") references "dealer_group" ("id") on update cascade;`);
    this.addSql(`create index "store_dealer_group_id_index" on "store" ("dealer_group_id");`);
    this.addSql(`create index "vehicle_vin_index" on "vehicle" ("vin");`);

    this.addSql(`alter table "staff" add column "version" int not null default 1;`);
    this.addSql(`alter table "bay" add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "bay" drop column "version";`);
    this.addSql(`alter table "staff" drop column "version";`);
    this.addSql(`drop index "vehicle_vin_index";`);
    this.addSql(`alter table "store" drop constraint "store_dealer_group_id_foreign";`);
    this.addSql(`alter table "store" drop column "dealer_group_id";`);
    this.addSql(`drop table if exists "dealer_group" cascade;`);
  }
}
