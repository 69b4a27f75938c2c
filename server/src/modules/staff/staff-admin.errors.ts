import { registerMessages } from '../../i18n/messages.js';

/** Stable userError codes of staff administration (Platform §5). */
export const StaffAdminError = {
  INVALID_USERNAME: 'INVALID_USERNAME',
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  PASSWORD_TOO_SHORT: 'PASSWORD_TOO_SHORT',
  PASSWORD_TOO_LONG: 'PASSWORD_TOO_LONG',
  PASSWORD_IS_USERNAME: 'PASSWORD_IS_USERNAME',
  ROLES_REQUIRED: 'ROLES_REQUIRED',
  ADMIN_REQUIRED: 'ADMIN_REQUIRED',
  SELF_LOCKOUT: 'SELF_LOCKOUT',
} as const;

registerMessages({
  INVALID_USERNAME: { zh: '用户名须为 3–40 位小写字母、数字、点、下划线或连字符，并以字母或数字开头', en: 'must be 3–40 lowercase letters, digits, dots, underscores or hyphens, starting with a letter or digit' },
  USERNAME_TAKEN: { zh: '该用户名已被使用', en: 'is already taken' },
  PASSWORD_TOO_SHORT: { zh: '密码至少 {min} 个字符', en: 'must be at least {min} characters' },
  PASSWORD_TOO_LONG: { zh: '密码不能超过 {max} 个字符', en: 'must be at most {max} characters' },
  PASSWORD_IS_USERNAME: { zh: '密码不能与用户名相同', en: 'must not be the username' },
  ROLES_REQUIRED: { zh: '至少指定一个岗位', en: 'needs at least one role' },
  ADMIN_REQUIRED: { zh: '只有系统管理员可以授予管理员权限或修改管理员账号', en: 'Only an administrator may grant the ADMIN role or change an administrator' },
  SELF_LOCKOUT: { zh: '不能停用自己的账号或取消自己的管理岗位', en: 'You cannot deactivate yourself or remove your own manager role' },
});
