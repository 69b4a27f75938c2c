import { Migration } from '@mikro-orm/migrations';

export class Migration20261124092000_estimate_signatures extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "estimate_approval" add constraint "estimate_approval_signature_upload_id_foreign" foreign key ("signature_upload_id") references "upload" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "estimate_approval" drop constraint "estimate_approval_signature_upload_id_foreign";`);
  }

}
