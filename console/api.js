// Sign-in with the console's Cognito user pool (InitiateAuth, USER_PASSWORD_AUTH; new-password and
// authenticator-app challenges) and calls to the staff API with the ID token. The token is kept in this
// tab's sessionStorage only, and dropped when it expires.
let config;
let skew = 0;

/** Now, as the store's API knows it (the local cloud's time is simulated and says so; on AWS it is the browser's). */
export function now() {
  return Date.now() + skew;
}

export async function loadConfig() {
  const response = await fetch('config.json', { cache: 'no-store' });
  config = await response.json();
  return config;
}

async function cognito(action, body) {
  const response = await fetch(config.authUrl, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
    },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.message || answer.__type || `HTTP ${response.status}`);
  return answer;
}

/**
 * One step of signing in: starts with the user name and password, then answers the challenge the
 * pool asked for. Resolves to {signedIn: true} or to the next challenge {name, secret?}.
 */
export async function signIn(step) {
  let answer;
  if (!step.challenge) {
    answer = await cognito('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.clientId,
      AuthParameters: { USERNAME: step.username, PASSWORD: step.password } });
  } else if (step.challenge === 'NEW_PASSWORD_REQUIRED') {
    answer = await respond(step, { NEW_PASSWORD: step.value });
  } else if (step.challenge === 'SOFTWARE_TOKEN_MFA') {
    answer = await respond(step, { SOFTWARE_TOKEN_MFA_CODE: step.value });
  } else if (step.challenge === 'MFA_SETUP') {
    const verified = await cognito('VerifySoftwareToken', { Session: step.session, UserCode: step.value });
    answer = await respond({ ...step, session: verified.Session }, {});
  }
  return settle(answer, step.username);
}

function respond(step, responses) {
  return cognito('RespondToAuthChallenge', { ChallengeName: step.challenge, ClientId: config.clientId,
    Session: step.session, ChallengeResponses: { USERNAME: step.username, ...responses } });
}

async function settle(answer, username) {
  if (answer.AuthenticationResult) {
    sessionStorage.setItem('storecrm.token', answer.AuthenticationResult.IdToken);
    return { signedIn: true };
  }
  const next = { challenge: answer.ChallengeName, session: answer.Session, username };
  if (answer.ChallengeName === 'MFA_SETUP') {
    const associated = await cognito('AssociateSoftwareToken', { Session: answer.Session });
    next.session = associated.Session;
    next.secret = associated.SecretCode;
  }
  return next;
}

export function signOut() {
  sessionStorage.removeItem('storecrm.token');
}

/** The signed-in user {name, groups, expires} or null. */
export function user() {
  const token = sessionStorage.getItem('storecrm.token');
  if (!token) return null;
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
    if (claims.exp * 1000 <= Date.now()) {
      signOut();
      return null;
    }
    return { name: claims['cognito:username'], groups: claims['cognito:groups'] || [] };
  } catch {
    signOut();
    return null;
  }
}

/** A request to the staff API: the response, with the body read as text (or a Blob with asBlob). */
export async function call(method, path, body, options = {}) {
  const headers = { Authorization: `Bearer ${sessionStorage.getItem('storecrm.token') || ''}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const response = await fetch(config.apiUrl + path, { method, headers,
    body: body === undefined ? undefined : JSON.stringify(body) });
  const result = { status: response.status, ok: response.ok, headers: response.headers };
  const storeTime = response.headers.get('x-store-time');
  if (storeTime) skew = Date.parse(storeTime) - Date.now();
  result.body = options.asBlob ? await response.blob() : await response.text();
  if (response.status === 401) {
    signOut();
    window.dispatchEvent(new Event('storecrm:signed-out'));
  }
  return result;
}

/** GET of JSON; throws an Error whose message is the server's reason. The file name it is served under is kept. */
export async function getJson(path) {
  const response = await call('GET', path);
  const body = parse(response.body);
  if (!response.ok) throw new ApiError(response.status, reasonOf(body, response.status));
  const disposition = response.headers.get('content-disposition') || '';
  if (body && typeof body === 'object') body.fileName = (disposition.match(/filename="([^"]+)"/) || [])[1] || '';
  return body;
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function reasonOf(body, status) {
  if (body && typeof body === 'object') return body.reason || body.error || body.message || `HTTP ${status}`;
  return `HTTP ${status}`;
}

export function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
