// README snippet: a rubricc rating form in react-jsonschema-form 6, from the three files
// `rubricc compile --target schema` writes (rating-form.schema.json, .ui.json, .messages.json).
// Run by src/test/js/test/rjsf-form.test.mjs: the test page mounts exactly this component.
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import Ajv2020 from 'ajv/dist/2020.js';

// The forms are JSON Schema 2020-12, so rjsf's validator gets ajv's 2020 class.
const validator = customizeValidator({ AjvClass: Ajv2020 });

// rating-form.messages.json maps the schema location of a keyword (ajv's error.schemaPath) to
// rubricc's message for it: a string replaces ajv's wording; null hides an error that only
// echoes another one already shown on the field (an `if` failing because its `then` failed).
export function catalogErrors(messages) {
  return (errors) => errors.flatMap((error) => {
    if (!Object.hasOwn(messages, error.schemaPath)) return [error];
    const message = messages[error.schemaPath];
    return message === null ? [] : [{ ...error, message, stack: message }];
  });
}

// `rating` starts the form: at least {item, rater}, which the form shows read-only (your tool knows
// which item is rated and by whom); rubric and version are filled in from the schema.
export function RatingForm({ schema, uiSchema, messages, rating, onSubmit, onError, onChange }) {
  return (
    <Form
      schema={schema}
      uiSchema={uiSchema}
      validator={validator}
      formData={rating}
      transformErrors={catalogErrors(messages)}
      // Each message next to its question, not also in a list at the top.
      showErrorList={false}
      // The browser's own checks (required, min/max) would stop the submit with its own bubbles;
      // every message comes from the schema and the catalog instead.
      noHtml5Validate
      // A question the rater's answers now skip disappears from the form: drop its answer as it
      // disappears, so the submission never answers a skipped question.
      omitExtraData
      liveOmit
      // Nothing is answered for the rater: prefill single-value consts (rubric, version) but never one
      // of a question's choices ('always' also throws "schema cannot be inferred as a constant" on
      // oneOf choices), leave a required yes/no question unanswered (rjsf's default is false) and a
      // multi-select absent (rjsf's default is [], which rubricc takes as an answer).
      experimental_defaultFormStateBehavior={{
        constAsDefaults: 'skipOneOf', requiredBooleanDefault: 'skip', emptyObjectFields: 'skipEmptyDefaults',
      }}
      onSubmit={({ formData }) => onSubmit(formData)}
      onError={onError}
      onChange={onChange}
    />
  );
}
