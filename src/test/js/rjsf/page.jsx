// The test page: renders the rating form of one rubric version (?form=<rubric>/<version>&item=<id>&rater=<id>)
// from its three generated files and nothing else; item and rater are what the host tool would know. Generic: it knows no rubric. The test reads what was
// submitted from window.__submitted, the errors of a refused submit from window.__errors and the
// data after the last change from window.__formData.
import { createRoot } from 'react-dom/client';
import { RatingForm } from '../snippets/rating-form.jsx';

async function load(file) {
  const form = new URLSearchParams(location.search).get('form');
  const response = await fetch(`/forms/${form}/${file}`);
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return response.json();
}

async function main() {
  const root = createRoot(document.getElementById('app'));
  const params = new URLSearchParams(location.search);
  const rating = { item: params.get('item') ?? undefined, rater: params.get('rater') ?? undefined };
  try {
    const [schema, uiSchema, messages] = await Promise.all(
      ['rating-form.schema.json', 'rating-form.ui.json', 'rating-form.messages.json'].map(load));
    window.__submitted = null;
    window.__errors = null;
    root.render(
      <RatingForm schema={schema} uiSchema={uiSchema} messages={messages} rating={rating}
        onSubmit={(data) => { window.__submitted = data; window.__errors = null; }}
        onError={(errors) => { window.__errors = errors; }}
        onChange={({ formData }) => { window.__formData = formData; }} />);
    window.__ready = true;
  } catch (e) {
    document.getElementById('app').textContent = `could not load the form: ${e.message}`;
    window.__loadError = e.message;
  }
}

main();
