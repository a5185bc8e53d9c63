import { describeIssues } from '../../../shared/config';
import {
  INVOKE,
  type InvokeChannel,
  type InvokeParsed,
  type InvokeResponse,
  type IpcResult,
} from '../../../shared/ipc';
import { type Message, message } from '../../../shared/message';
import { AppFailure, ConfigError } from '../errors';

/** What the shell knows about who sent an IPC message. */
export interface SenderInfo {
  /** Whether the message came from a window this app created (the popover). */
  fromAppWindow: boolean;
  /** Whether it came from that window's top frame rather than an embedded one. */
  isTopFrame: boolean;
  /** The sending frame's URL: a window that navigated away no longer speaks for the app. */
  url: string;
}

/** Why a sender is not trusted, or null when it is the app's own top frame on the app's own page. */
export function senderProblem(sender: SenderInfo, appUrlPrefix: string): Message | null {
  if (!sender.fromAppWindow) return message('ipc.notAppWindow');
  if (!sender.isTopFrame) return message('ipc.notTopFrame');
  if (!sender.url.startsWith(appUrlPrefix)) return message('ipc.notAppPage');
  return null;
}

export type InvokeImpl<C extends InvokeChannel> = (request: InvokeParsed<C>) => Promise<InvokeResponse<C>>;

/**
 * One wrapper for every handler: refuse foreign senders, validate the payload (strict: extra fields refused),
 * run, validate the answer, and turn any failure into a result object instead of a thrown error.
 */
export function guardInvoke<C extends InvokeChannel>(channel: C, impl: InvokeImpl<C>, appUrlPrefix: string) {
  const { request, response } = INVOKE[channel];
  return async (sender: SenderInfo, payload: unknown): Promise<IpcResult<InvokeResponse<C>>> => {
    const problem = senderProblem(sender, appUrlPrefix);
    if (problem)
      return { ok: false, error: { kind: 'invalid_request', message: message('ipc.refused', { problem }) } };
    const parsed = request.safeParse(payload);
    if (!parsed.success) {
      return { ok: false, error: { kind: 'invalid_request', message: describeIssues(parsed.error) } };
    }
    try {
      const value = await impl(parsed.data as InvokeParsed<C>);
      const checked = response.safeParse(value);
      if (!checked.success)
        return { ok: false, error: { kind: 'bad_response', message: message('ipc.badAnswer') } };
      return { ok: true, value: checked.data as InvokeResponse<C> };
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: { kind: error.kind, message: error.said } };
      // Config and file problems already speak plainly ("Cannot write …: the folder is read-only").
      if (error instanceof ConfigError) return { ok: false, error: { kind: 'config', message: error.said } };
      return { ok: false, error: { kind: 'bad_response', message: message('ipc.internal') } };
    }
  };
}
