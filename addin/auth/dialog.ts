/// <reference types="office-js" />
/**
 * Sign-in through the Office dialog API (a small wrapper of our own over
 * `Office.context.ui.displayDialogAsync`): the dialog page (dev sign-in or the Cognito
 * callback) sends the token back with `messageParent`; the pane accepts a message only
 * from its own origin, and keeps the token in memory.
 */
export type SignInMessage = { kind: 'pokin-token'; token: string } | { kind: 'pokin-error'; error: string; text: string };

export function isSignInMessage(v: unknown): v is SignInMessage {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as Record<string, unknown>;
  return (m.kind === 'pokin-token' && typeof m.token === 'string') || (m.kind === 'pokin-error' && typeof m.error === 'string' && typeof m.text === 'string');
}

/**
 * Parses a dialog message; anything from another origin or of another shape is refused. The
 * origin is checked when Office gives it (Dialog Origin 1.1: "the object that's passed to the
 * handler contains the domain … as its origin property"); older builds give none.
 */
export function acceptMessage(message: string, origin: string | undefined, expectedOrigin: string): SignInMessage | null {
  if (origin !== undefined && origin !== expectedOrigin) return null;
  try {
    const v = JSON.parse(message) as unknown;
    return isSignInMessage(v) ? v : null;
  } catch {
    return null;
  }
}

/** Why the dialog gave no token: the user closed it (12006) or the sign-in failed. */
export class SignInError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

export function signInWithDialog(url: string, expectedOrigin = location.origin): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, displayInIframe: false }, (r) => {
      if (r.status !== Office.AsyncResultStatus.Succeeded) {
        reject(new Error(r.error?.message ?? 'dialog failed'));
        return;
      }
      const dialog = r.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if (!('message' in arg)) return;
        const ok = acceptMessage(arg.message, (arg as { origin?: string }).origin, expectedOrigin);
        if (!ok) return;
        dialog.close();
        if (ok.kind === 'pokin-token') resolve(ok.token);
        else reject(new SignInError(ok.error, ok.text));
      });
      // 12006: the user closed the dialog (https://learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events).
      dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
        const code = 'error' in arg ? String(arg.error) : 'closed';
        reject(new SignInError(code, code === '12006' ? 'Jendela masuk ditutup. / The sign-in window was closed.' : `Dialog: ${code}`));
      });
    });
  });
}

function post(m: SignInMessage): void {
  const msg = JSON.stringify(m);
  const ui = Office.context.ui as unknown as { messageParent(m: string, o?: { targetOrigin: string }): void };
  // targetOrigin (Dialog Origin 1.1): the page is back on the pane's origin after the hosted UI;
  // "older versions of Office … ignore the DialogMessageOptions parameter".
  ui.messageParent(msg, { targetOrigin: location.origin });
}

/** Inside the dialog page: hand the token to the pane. */
export function sendToParent(token: string): void {
  post({ kind: 'pokin-token', token });
}

/** Inside the dialog page: tell the pane why there is no token (and let it close the dialog). */
export function sendErrorToParent(error: string, text: string): void {
  post({ kind: 'pokin-error', error, text });
}
