/**
 * Configuration from plain environment variables. Secrets are read by `./secrets`, which only the code
 * that needs one imports, so a function that holds no secret carries no Secrets Manager client.
 */
export const config = {
  /**
   * The stage the code runs on. It has no default: `local` turns on the demo sign-in, so a missing
   * STAGE must fail loudly rather than quietly mean `local`. The stack, the local stack and the tests set it.
   */
  get stage(): string {
    const stage = process.env.STAGE;
    if (stage === undefined || stage.trim() === '') {
      throw new Error('STAGE is not set: every deployment and every local run must name its stage (e.g. STAGE=local)');
    }
    return stage;
  },
  get tableName(): string {
    return process.env.TABLE_NAME ?? 'yilin-local';
  },
  get dynamoEndpoint(): string | undefined {
    return process.env.DYNAMODB_ENDPOINT || undefined;
  },
  /**
   * How long one request to the table may take. DynamoDB answers in milliseconds, so 2.5 s means trouble and
   * a quick 503 beats a Lambda timeout. DynamoDB Local is one Java process sharing a laptop's cores: dozens of
   * transactions at once can take it longer than DynamoDB ever takes, so against it the default is 10 s.
   */
  get dynamoRequestTimeoutMs(): number {
    const set = Number(process.env.DYNAMODB_REQUEST_TIMEOUT_MS);
    return set > 0 ? set : this.dynamoEndpoint ? 10_000 : 2500;
  },
  get wechatAppId(): string {
    return process.env.WECHAT_APPID ?? '';
  },
  /** @default https://api.weixin.qq.com — tests point it at a loopback fake. */
  get wechatApiBase(): string {
    return process.env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com';
  },
  /**
   * The first pause before a WeChat message is sent again after a rate limit or a 5xx; each retry waits about
   * twice as long (with jitter). Tests shorten it.
   */
  get wechatRetryBaseMs(): number {
    const set = Number(process.env.WECHAT_RETRY_BASE_MS);
    return set > 0 ? set : 500;
  },
  /** Which version of the mini-program a subscribe message opens: `formal` (released), `trial` or `developer`. */
  get wechatMiniprogramState(): 'formal' | 'trial' | 'developer' {
    const state = process.env.WECHAT_MINIPROGRAM_STATE;
    return state === 'trial' || state === 'developer' ? state : 'formal';
  },
  /**
   * The subscribe-message templates this mini-program chose in WeChat's library, by topic, as JSON. A topic
   * names its template's id, and the keys of the template's four keywords when they are not the default
   * `thing1 phrase2 time3 thing4` (what, its state, when, a note):
   * `{"orderConfirmed":"<id>","alert":{"id":"<id>","keys":["thing2","phrase1","time4","thing3"]}}`. Several
   * topics may share a template (WeChat counts acceptances per template). A topic without one is kept in the
   * in-app list only.
   */
  get wechatTemplates(): Record<string, { templateId: string; keys?: string[] }> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(process.env.WECHAT_TEMPLATE_IDS ?? '{}');
    } catch {
      throw new Error('WECHAT_TEMPLATE_IDS is not JSON: it maps each message topic to its WeChat template');
    }
    const templates: Record<string, { templateId: string; keys?: string[] }> = {};
    for (const [topic, value] of Object.entries((parsed ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'string') templates[topic] = { templateId: value };
      else if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
        const { id, keys } = value as { id: string; keys?: unknown };
        const valid = Array.isArray(keys) && keys.length === 4 && keys.every((key) => typeof key === 'string');
        if (keys !== undefined && !valid) throw new Error(`WECHAT_TEMPLATE_IDS: the keys of ${topic} must be four keyword keys (what, state, when, note)`);
        templates[topic] = { templateId: id, ...(valid ? { keys: keys as string[] } : {}) };
      } else throw new Error(`WECHAT_TEMPLATE_IDS: ${topic} must be a template id or {"id", "keys"}`);
    }
    return templates;
  },
  /** Minutes an emergency call may wait unanswered before it goes up to the centre, and again to the county. */
  get alertEscalationMinutes(): number {
    const set = Number(process.env.ALERT_ESCALATION_MINUTES);
    return set > 0 ? set : 5;
  },
  /**
   * The county this deployment serves, when it serves one: newcomers choose among its communities only.
   * Unset, every county on the table is offered (the local stack and the tests).
   */
  get countyId(): string | undefined {
    return process.env.COUNTY_ID || undefined;
  },
  get isLocal(): boolean {
    return this.stage === 'local';
  },
  /** PEM (SPKI) of the EC P-256 key that session tokens are verified with: public, so a plain variable. */
  get tokenPublicKey(): string {
    const pem = process.env.TOKEN_PUBLIC_KEY;
    if (!pem) throw new Error('TOKEN_PUBLIC_KEY is not set: session tokens cannot be verified without the public key');
    return pem;
  },
};
