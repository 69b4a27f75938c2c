import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireStaff } from '../../graphql/auth-checker.js';
import type { Context } from '../../graphql/context.js';
import { toPayload } from '../../graphql/user-error.js';
import { UPLOAD_ROLES } from './upload.roles.js';
import { CreateUploadInput, CreateUploadPayload } from './upload.dto.js';
import { Upload } from './upload.entity.js';

@Resolver(() => Upload)
export class UploadResolver {
  @Authorized(...UPLOAD_ROLES)
  @Mutation(() => CreateUploadPayload, {
    description: 'Announces a photo or signature and returns where to PUT its bytes (a signed URL that expires). Attach the upload by id once the PUT succeeded.',
  })
  async createUpload(@Arg('input', () => CreateUploadInput, { description: 'What is coming; see the input type.' }) input: CreateUploadInput, @Ctx() ctx: Context): Promise<CreateUploadPayload> {
    return toPayload(ctx.locale, 'upload', await ctx.services.uploads.create(ctx.em, requireStaff(ctx), input));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where to PUT the bytes (signed, expires in 15 minutes); only in the createUpload result.' })
  uploadUrl(@Root() upload: Upload): string | null {
    return upload.uploadUrl ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'A URL that shows the file; signed, it expires after a few minutes (ask again for a fresh one). Null until the bytes arrived.' })
  url(@Root() upload: Upload, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.services.uploads.readUrl(upload);
  }
}
