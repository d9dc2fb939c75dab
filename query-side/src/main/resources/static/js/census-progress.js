// While a national census is being made, asks for its progress every second and shows it; when it has finished,
// shows the download link. Without scripts the page's own "Check progress" link does the same by hand.
(function () {
    var box = document.getElementById('census-progress');
    // whether to ask is the page's one reading of the run, not whether some element of it happens to be there
    if (!box || box.getAttribute('data-finished') !== 'false') {
        return;
    }
    var state = document.getElementById('census-state');
    var counts = document.getElementById('census-counts');
    var bar = document.getElementById('census-bar');
    var check = document.getElementById('census-check');
    var download = document.getElementById('census-download');
    var link = document.getElementById('census-download-link');

    function show(p) {
        counts.textContent = p.authoritiesDone + ' of ' + p.authorities + ' authorities done, '
            + p.children + ' children written';
        bar.value = p.percent;
        if (!p.finished) {
            return false;
        }
        if (check) {
            check.hidden = true;
        }
        if (p.download) {
            state.textContent = 'Finished.';
            link.href = p.download;
            download.hidden = false;
        } else {
            state.textContent = (p.failure || 'The run stopped.') + ' Start it again from the returns page.';
        }
        return true;
    }

    var failures = 0;

    function poll() {
        fetch(box.getAttribute('data-progress'), {
            headers: {'Accept': 'application/json'}, credentials: 'same-origin', cache: 'no-store'
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('progress ' + response.status);
                }
                return response.json();
            })
            .then(function (p) {
                failures = 0;
                if (!show(p)) {
                    window.setTimeout(poll, 1000);
                }
            })
            .catch(function () {
                // a moment's fault is asked again a little later; after many, the link is left to check by hand
                failures += 1;
                if (failures < 30) {
                    window.setTimeout(poll, 2000);
                }
            });
    }

    window.setTimeout(poll, 500);
})();
