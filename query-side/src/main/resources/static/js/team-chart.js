// The service page's chart of children by team and urgency. Decorative: the table beside it carries the same
// numbers. The figures come from the page's #team-chart-data block, so that no script is written into the page.
(function () {
    var canvas = document.getElementById('team-chart');
    var source = document.getElementById('team-chart-data');
    if (!canvas || !source || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(source.textContent);
    var bands = [['OVERDUE', 'Overdue', '#d4351c'], ['DUE_WITHIN_5_WORKING_DAYS', 'Due within 5 working days', '#f47738'],
        ['DUE_WITHIN_20_WORKING_DAYS', 'Due within 20 working days', '#ffdd00'], ['ON_TRACK', 'On track', '#00703c']];
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: data.teams,
            datasets: bands.map(function (b) {
                return { label: b[1], backgroundColor: b[2], data: data.bands.map(function (t) { return t[b[0]] || 0; }) };
            })
        },
        options: { animation: false, responsive: true,
            scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
    });
})();
