import { registerMessages, registerNouns } from '../../i18n/messages.js';

/** Stable userError codes of uploads. */
export const UploadError = {
  UPLOAD_TYPE_NOT_ACCEPTED: 'UPLOAD_TYPE_NOT_ACCEPTED',
  UPLOAD_TOO_LARGE: 'UPLOAD_TOO_LARGE',
  UPLOAD_TYPE_MISMATCH: 'UPLOAD_TYPE_MISMATCH',
  UPLOAD_ALREADY_RECEIVED: 'UPLOAD_ALREADY_RECEIVED',
  UPLOAD_NOT_FOUND: 'UPLOAD_NOT_FOUND',
  UPLOAD_NOT_RECEIVED: 'UPLOAD_NOT_RECEIVED',
  UPLOAD_WRONG_PURPOSE: 'UPLOAD_WRONG_PURPOSE',
  UPLOAD_URL_INVALID: 'UPLOAD_URL_INVALID',
} as const;

registerMessages({
  UPLOAD_TYPE_NOT_ACCEPTED: { zh: '只接受 JPEG、PNG 或 WebP 图片', en: 'Only JPEG, PNG or WebP images are accepted' },
  UPLOAD_TOO_LARGE: { zh: '文件过大，最大 {max} 字节', en: 'The file is too large; at most {max} bytes' },
  UPLOAD_TYPE_MISMATCH: { zh: '文件内容不是声明的 {declared} 图片', en: 'The bytes are not the {declared} image that was announced' },
  UPLOAD_ALREADY_RECEIVED: { zh: '该文件已上传，不能覆盖', en: 'This upload has already received its file; it cannot be replaced' },
  UPLOAD_NOT_FOUND: { zh: '找不到上传的文件 {id}', en: 'No upload {id}' },
  UPLOAD_NOT_RECEIVED: { zh: '文件 {id} 尚未上传完成', en: 'The file of upload {id} has not arrived yet' },
  UPLOAD_WRONG_PURPOSE: { zh: '文件 {id} 的用途不符（需要：{expected}）', en: 'Upload {id} is not for this use (expected: {expected})' },
  UPLOAD_URL_INVALID: { zh: '上传链接无效或已过期', en: 'The upload URL is invalid or has expired' },
});
registerNouns({ Upload: { zh: '上传文件', en: 'upload' } });
