// Starts GOV.UK Frontend's components (error summaries, buttons, header and navigation) on every page.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();
