import { csrfInput, errorSummary, type FieldErrors, field } from '../forms.ts';
import { type Html, html } from '../html.ts';

export function signInPage(
  values: { email?: string; next?: string },
  message?: string,
  errors?: FieldErrors,
): Html {
  return html`<h1>Sign in</h1>
${errorSummary(message, errors)}
<form class="stack" method="post" action="/sign-in" novalidate>
  <input type="hidden" name="next" value="${values.next ?? ''}">
  ${field({ name: 'email', label: 'Email', type: 'email', value: values.email, required: true, autocomplete: 'username', errors })}
  ${field({ name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'current-password', errors })}
  <div><button type="submit">Sign in</button></div>
</form>
<p>New here? <a href="/sign-up">Create an account</a>.</p>`;
}

export function signUpPage(
  values: { email?: string; displayName?: string },
  message?: string,
  errors?: FieldErrors,
): Html {
  return html`<h1>Create your account</h1>
<p>One account keeps all your credentials for life, whichever email they were issued to.</p>
${errorSummary(message, errors)}
<form class="stack" method="post" action="/sign-up" novalidate>
  ${field({ name: 'displayName', label: 'Your name', value: values.displayName, required: true, autocomplete: 'name', errors })}
  ${field({ name: 'email', label: 'Email', type: 'email', value: values.email, required: true, autocomplete: 'email', errors })}
  ${field({ name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'new-password', hint: 'At least 10 characters. A few unrelated words make a strong password.', errors })}
  <div><button type="submit">Create account</button></div>
</form>
<p>Already have an account? <a href="/sign-in">Sign in</a>.</p>`;
}

export function csrfRefusedPage(): Html {
  return html`<h1>This form has expired</h1><p>For your security the form could not be accepted. Go back, reload the page and try again.</p>${csrfInput('')}`;
}
