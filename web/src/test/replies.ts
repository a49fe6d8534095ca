/** Replies of the fake API (test/harness.tsx) that tests of refusals share. */
import type { ApiHandler, ApiReply } from './harness.tsx';

/** Answers with each of `replies` in turn, then with the last one again (a refusal first, then the success). */
export function inTurn(...replies: [ApiReply, ...ApiReply[]]): ApiHandler {
  let next = 0;
  return () => replies[Math.min(next++, replies.length - 1)];
}

/** The API's 400 for a body that fails validation: each field (its JSON pointer, `/hs_code`) with its message. */
export function invalidBody(fields: Record<string, string>, message = 'invalid body'): ApiReply {
  return {
    status: 400,
    body: {
      code: 'request.invalid',
      message,
      details: Object.entries(fields).map(([path, text]) => ({ path, message: text })),
    },
  };
}
