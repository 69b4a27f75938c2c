import { Migration } from '@mikro-orm/migrations';

export class Migration20261124111000_quality_checks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "quality_check" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "round" int not null, "level" text check ("level" in ('SELF', 'MUTUAL', 'FINAL')) not null, "result" text check ("result" in ('PASS', 'FAIL')) not null, "road_test" boolean not null default false, "notes" varchar(1000) null, "cause" varchar(500) null, "signed_at" timestamptz not null, "signed_by_id" int not null, "responsible_id" int null);`);
    this.addSql(`create index "quality_check_work_order_id_index" on "quality_check" ("work_order_id");`);
    this.addSql(`alter table "quality_check" add constraint "quality_check_work_order_id_round_level_unique" unique ("work_order_id", "round", "level");`);
    this.addSql(`alter table "quality_check" add constraint "quality_check_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "quality_check" add constraint "quality_check_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "quality_check" add constraint "quality_check_signed_by_id_foreign" foreign key ("signed_by_id") references "staff" ("id") on update cascade;`);
    this.addSql(`alter table "quality_check" add constraint "quality_check_responsible_id_foreign" foreign key ("responsible_id") references "staff" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "work_order" add column "quality_level" text check ("quality_level" in ('SELF', 'MUTUAL', 'FINAL')) null;`);
    // R-QC-1/2: a signed check is never edited or removed.
    this.addSql(`create trigger quality_check_immutable before update or delete on "quality_check" for each row execute function workbay_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists quality_check_immutable on "quality_check";`);
    this.addSql(`drop table if exists "quality_check" cascade;`);
    this.addSql(`alter table "work_order" drop column "quality_level";`);
  }

}
