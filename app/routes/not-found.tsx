import { data } from 'react-router';

/** Any unknown address under a locale: the root error boundary renders the page in that locale. */
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
