// The escalation dashboard's chart of escalations raised and resolved by financial quarter. Decorative: the
// table beside it carries the same numbers. The figures come from the page's #quarter-chart-data block, so that
// no script is written into the page.
(function () {
    var canvas = document.getElementById('quarter-chart');
    var source = document.getElementById('quarter-chart-data');
    if (!canvas || !source || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(source.textContent);
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: data.labels,
            datasets: [
                { label: 'Raised', data: data.raised, backgroundColor: '#1d70b8' },
                { label: 'Resolved', data: data.resolved, backgroundColor: '#00703c' }
            ]
        },
        options: {
            animation: false,
            responsive: true,
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
        }
    });
})();
