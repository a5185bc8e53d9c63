import { createHmac } from 'node:crypto';
import type { Channel, ChannelAlert } from '../../../shared/channels';
import type { Translator } from '../../../shared/i18n/translator';

/** An HTTP request a channel's transport sends. */
export interface HttpDelivery {
  kind: 'http';
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface EmailDelivery {
  kind: 'email';
  /** The channel's SMTP server and addresses: an email goes only to an email channel. */
  channel: Extract<Channel, { type: 'email' }>;
  subject: string;
  text: string;
}

export type Delivery = HttpDelivery | EmailDelivery;

/** The version of the webhook payload; documented in docs/webhook.md. */
export const WEBHOOK_VERSION = 1;

/** The title and text of an alert in the channel's language; a test says it is one. */
export function alertText(tr: Translator, alert: ChannelAlert): { title: string; text: string } {
  if (alert.test) return { title: tr.t('channel.testTitle'), text: tr.t('channel.testBody') };
  return { title: tr.say(alert.intent.title), text: tr.say(alert.intent.body) };
}

/** The JSON a webhook receives: the words, and the raw figures a script acts on. */
export function webhookPayload(tr: Translator, alert: ChannelAlert, language: string) {
  const { title, text } = alertText(tr, alert);
  return {
    version: WEBHOOK_VERSION,
    id: alert.id,
    at: alert.at,
    test: alert.test,
    kind: alert.intent.kind,
    severity: alert.intent.severity,
    language,
    title,
    text,
    account: alert.account,
  };
}

/** Slack mrkdwn takes &, < and > as markup: a name with them is written as text. */
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Discord's embed colours by severity: red, amber, green. */
const DISCORD_COLOURS = { critical: 0xd93025, warning: 0xf29900, info: 0x1e8e3e } as const;
/** ntfy's priorities (1–5) and tags (emoji short codes) by severity. */
const NTFY_PRIORITY = { critical: '5', warning: '4', info: '3' } as const;
const NTFY_TAGS = { critical: 'rotating_light', warning: 'warning', info: 'white_check_mark' } as const;

/** An HTTP header's value may hold Latin-1 only: other text goes as an RFC 2047 word, which ntfy reads. */
export function headerWord(text: string): string {
  return /^[\u0020-\u007e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
}

/**
 * What one alert is, sent to one channel: each transport's own documented shape. `secret` is the channel's
 * (a webhook's URL, a bot's token, an ntfy token); `signingKey` signs a webhook's body when one is kept.
 */
export function deliveryFor(
  channel: Channel,
  alert: ChannelAlert,
  tr: Translator,
  language: string,
  secret: string,
  signingKey: string | null,
): Delivery {
  const { title, text } = alertText(tr, alert);
  const severity = alert.intent.severity;
  // Back to where the account is topped up, where the transport can carry a link.
  const link = alert.account?.link ?? null;
  const linkWords = tr.t('channel.openBilling');
  const json = (url: string, value: unknown, headers: Record<string, string> = {}): HttpDelivery => ({
    kind: 'http',
    url,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(value),
  });
  switch (channel.type) {
    case 'webhook': {
      const body = JSON.stringify(webhookPayload(tr, alert, language));
      const signature: Record<string, string> = signingKey
        ? { 'x-creditbar-signature': `sha256=${createHmac('sha256', signingKey).update(body).digest('hex')}` }
        : {};
      return {
        kind: 'http',
        url: secret,
        headers: { 'content-type': 'application/json', 'idempotency-key': alert.id, ...signature },
        body,
      };
    }
    case 'slack':
      return json(secret, {
        text: `${title}\n${text}`,
        blocks: [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: `*${slackEscape(title)}*\n${slackEscape(text)}${link ? `\n<${link}|${slackEscape(linkWords)}>` : ''}`,
            },
          },
        ],
      });
    case 'discord':
      return json(secret, {
        // No name in an alert may ping @everyone.
        allowed_mentions: { parse: [] },
        embeds: [
          {
            title: title.slice(0, 256),
            description: text.slice(0, 4096),
            color: DISCORD_COLOURS[severity],
            timestamp: alert.at,
            ...(link ? { url: link } : {}),
          },
        ],
      });
    case 'teams':
      return json(secret, {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              body: [
                { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
                { type: 'TextBlock', text, wrap: true },
              ],
              ...(link ? { actions: [{ type: 'Action.OpenUrl', title: linkWords, url: link }] } : {}),
            },
          },
        ],
      });
    case 'ntfy':
      return {
        kind: 'http',
        url: `${channel.server.replace(/\/+$/, '')}/${channel.topic}`,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          title: headerWord(title),
          priority: NTFY_PRIORITY[severity],
          tags: NTFY_TAGS[severity],
          ...(secret ? { authorization: `Bearer ${secret}` } : {}),
          ...(link ? { click: link } : {}),
        },
        body: text,
      };
    case 'telegram':
      return json(`${channel.apiBase.replace(/\/+$/, '')}/bot${secret}/sendMessage`, {
        chat_id: channel.chatId,
        text: `${title}\n\n${text}${link ? `\n\n${linkWords}: ${link}` : ''}`,
        disable_web_page_preview: true,
      });
    case 'email':
      return {
        kind: 'email',
        channel,
        subject: title,
        text: link ? `${text}\n\n${linkWords}: ${link}` : text,
      };
  }
}
