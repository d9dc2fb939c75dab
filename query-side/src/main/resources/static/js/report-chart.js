// The IRO report's chart of its percentages, this period beside the one before. Decorative: the table under it
// carries the same numbers. The figures come from the page's #report-chart-data block, so that no script is
// written into the page. Also wires the print button.
(function () {
    var print = document.getElementById('print-report');
    if (print) {
        print.addEventListener('click', function () { window.print(); });
    }
    var canvas = document.getElementById('report-chart');
    var source = document.getElementById('report-chart-data');
    if (!canvas || !source || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(source.textContent);
    var chart = new Chart(canvas, {
        type: 'bar',
        data: {
            labels: data.labels,
            datasets: [
                { label: data.currentLabel, data: data.current, backgroundColor: '#1d70b8' },
                { label: data.previousLabel, data: data.previous, backgroundColor: '#b1b4b6' }
            ]
        },
        options: {
            animation: false,
            indexAxis: 'y',
            responsive: true,
            scales: { x: { beginAtZero: true, max: 100 } }
        }
    });
    canvas.setAttribute('data-rendered', chart ? 'true' : 'false');
})();
