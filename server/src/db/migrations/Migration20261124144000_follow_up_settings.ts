import { Migration } from '@mikro-orm/migrations';

export class Migration20261124144000_follow_up_settings extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "follow_up_settings" ("id" serial primary key, "store_id" int not null, "callback_within_hours" int not null default 24, "version" int not null default 1);`);
    this.addSql(`alter table "follow_up_settings" add constraint "follow_up_settings_store_id_unique" unique ("store_id");`);
    this.addSql(`alter table "follow_up_settings" add constraint "follow_up_settings_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "follow_up_settings" cascade;`);
  }

}
