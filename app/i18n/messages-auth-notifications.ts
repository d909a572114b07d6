// The sign-in messages (issue 11): a one-time code by text message, a password-reset link by e-mail.
// A text message carries its subject only, so the subject is the whole message: what the code is for,
// that it lapses in 5 minutes, never to pass it on. Composed into the catalogue of ./notifications.ts.
import type { Locale } from "../../domain";
import type { NotificationTemplate } from "../models/notifications.server";

type P = Record<string, string | number | null>;
type Text = { subject: (p: P) => string; body: (p: P) => string };
const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));

const otpZh = (p: P) =>
  `【调解点单】验证码 ${s(p.code)}，用于${p.purpose === "reset" ? "重设密码" : "登录"}，${s(p.minutes)} 分钟内有效。请勿告诉任何人，中心工作人员不会向您索要。`;
const otpEn = (p: P) =>
  `Order-a-Mediator: your code to ${p.purpose === "reset" ? "reset your password" : "sign in"} is ${s(p.code)}. It expires in ${s(p.minutes)} minutes. Never share it: the centre's staff will never ask for it.`;

export const authNotifications: Record<Locale, Record<Extract<NotificationTemplate, `auth.${string}`>, Text>> = {
  zh: {
    "auth.otp": { subject: otpZh, body: otpZh },
    "auth.reset-link": {
      subject: () => "调解点单：重设密码",
      body: (p) =>
        `有人请求重设您在调解点单的密码。如是您本人，请在 ${s(p.minutes)} 分钟内打开 ${s(p.link)} 设置新密码；链接只能使用一次，重设后其他设备上的登录会退出。如非本人，请忽略本邮件，您的密码不会改变。`,
    },
  },
  en: {
    "auth.otp": { subject: otpEn, body: otpEn },
    "auth.reset-link": {
      subject: () => "Order-a-Mediator: reset your password",
      body: (p) =>
        `Someone asked to reset your Order-a-Mediator password. If it was you, open ${s(p.link)} within ${s(p.minutes)} minutes to choose a new one; the link works once, and signing in elsewhere ends when you reset. If it was not you, ignore this e-mail: your password stays as it is.`,
    },
  },
};
