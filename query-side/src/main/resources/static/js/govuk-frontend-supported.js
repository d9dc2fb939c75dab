// Loaded at the top of <body>, before anything is drawn: tells GOV.UK Frontend's styles that scripts run here,
// so that components are drawn in their scripted form from the start rather than changing as the page loads.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
