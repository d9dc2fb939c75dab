// While an import runs, its page reloads itself every two seconds so the progress bar moves without a click.
(function () {
    if (document.querySelector('[data-import-running]')) {
        window.setTimeout(function () { window.location.reload(); }, 2000);
    }
})();
