/**
 * The one adapter from RFC 9457 problem details (application/problem+json) to what the console shows: errors naming a
 * form field go next to that field, everything else becomes one message. Never shows raw JSON or a stack trace.
 */
export interface FieldProblem {
  field: string;
  message: string;
  /** Set for the server's standard messages, so they can be said in the operator's language. */
  code?: string;
  args?: Record<string, string>;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
  [key: string]: unknown;
}

/** An HTTP call that answered with an error status. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** The last path segment of the problem type, e.g. "bad-credentials". */
  get code(): string {
    return problemCode(this.problem);
  }
}

export function problemCode(problem: Problem | undefined): string {
  const type = problem?.type ?? '';
  const slash = type.lastIndexOf('/');
  return slash >= 0 ? type.slice(slash + 1) : type;
}

/** Reads an error response body into a problem, whatever it is (problem+json, other JSON, HTML, nothing). */
export function toProblem(status: number, body: string, contentType: string | null): Problem {
  if (body && contentType && contentType.includes('json')) {
    try {
      const parsed = JSON.parse(body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return { status, ...parsed } as Problem;
      }
    } catch {
      /* not JSON after all: fall through */
    }
  }
  return { status, title: `HTTP ${status}` };
}

export interface FormErrorMapping {
  /** Errors for fields the form has, as antd's Form.setFields expects. */
  fields: { name: string[]; errors: string[] }[];
  /** What could not be placed on a field: one line for a message. */
  message?: string;
}

/** Translation of problem codes: a function from an i18n key (with default and values to put in) to the text. */
export type Translate = (key: string, fallback: string, args?: Record<string, string>) => string;

/** A field error's text: the translation of its code when it has one, else the server's message as it is. */
export function fieldMessage(e: FieldProblem, t: Translate): string {
  return e.code ? t(`field.error.${e.code}`, e.message, e.args) : e.message;
}

/**
 * A refusal for want of a permission names it by its code ("此操作需要 WITHDRAWAL_PROCESS 權限"): the operator knows
 * permissions by the names the console gives them (perm.<CODE>), so each code the console can name is said that way.
 */
export function namePermissions(detail: string, t: Translate): string {
  return detail.replace(/\b[A-Z][A-Z0-9_]+\b/g, (code) => {
    const name = t(`perm.${code}`, '');
    return name || code;
  });
}

/** The text for a problem that is not about one field: a known code's translation, else the server's detail. */
export function problemMessage(problem: Problem, t: Translate): string {
  if (problem.status === 403 && problem.detail) {
    problem = { ...problem, detail: namePermissions(problem.detail, t) };
  }
  const code = problemCode(problem);
  const generic = problem.status ? t(`problem.status.${problem.status}`, '') : '';
  const fallback = problem.detail || problem.title || generic || t('problem.unknown', 'Something went wrong');
  if (code) {
    const known = t(`problem.${code}`, '');
    if (known) {
      return problem.detail && problem.status !== 401 ? `${known}: ${problem.detail}` : known;
    }
  }
  return fallback;
}

/**
 * Splits a problem into field errors for the fields a form has, and a message for the rest. Nested field names
 * ("levels[0]", "address.city") match the form field of their first segment when the full name is not a field.
 */
export function mapProblemToForm(problem: Problem, formFields: string[], t: Translate): FormErrorMapping {
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const e of problem.errors ?? []) {
    if (!e || typeof e.field !== 'string') continue;
    const head = e.field.split(/[.[]/)[0];
    const target = formFields.includes(e.field) ? e.field : formFields.includes(head) ? head : undefined;
    const text = fieldMessage(e, t);
    if (target) {
      byField.set(target, [...(byField.get(target) ?? []), text]);
    } else {
      rest.push(e.field ? `${e.field}: ${text}` : text);
    }
  }
  const fields = [...byField.entries()].map(([name, errors]) => ({ name: [name], errors }));
  let message: string | undefined;
  if (rest.length > 0) {
    message = rest.join('; ');
  } else if (fields.length === 0) {
    message = problemMessage(problem, t);
  }
  return { fields, message };
}
