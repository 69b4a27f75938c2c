import { fileTypeFromBuffer } from 'file-type';

/** The only image types accepted: what photos and signatures are taken as. */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

export const isAcceptedType = (value: string): value is AcceptedType => (ACCEPTED_TYPES as readonly string[]).includes(value);

/**
 * The type the bytes really are (magic numbers), never what the client said: a file that does not start
 * like a JPEG, PNG or WebP is refused, whatever its Content-Type header or declared type.
 */
export async function sniffImageType(head: Uint8Array): Promise<AcceptedType | null> {
  const detected = await fileTypeFromBuffer(head);
  return detected && isAcceptedType(detected.mime) ? detected.mime : null;
}
