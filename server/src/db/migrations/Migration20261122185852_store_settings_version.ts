import { Migration } from '@mikro-orm/migrations';

export class Migration20261122185852_store_settings_version extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "store" add column "settings_version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "store" drop column "settings_version";`);
  }

}
