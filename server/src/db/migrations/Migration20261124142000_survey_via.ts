import { Migration } from '@mikro-orm/migrations';

export class Migration20261124142000_survey_via extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "survey" add column "via" text check ("via" in ('PHONE_CALL', 'PROGRESS_PAGE')) not null default 'PHONE_CALL', add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "survey" drop column "via", drop column "version";`);
  }

}
