#include "SeatMapBench.h"

#include "BenchSystem.h"
#include "BenchTable.h"
#include "GraphicsViewBench.h"
#include "SeatMapModel.h"
#include "SeatMapRenderer.h"
#include "SeatMapWidget.h"
#include "venue/VenueGenerator.h"

#include <QApplication>
#include <QPainter>
#include <QtMath>

#include <charconv>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <random>

namespace usher::bench {

namespace {

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
constexpr double kRepaintTargetMs = 4;
constexpr double kHitTestTargetNs = 5'000;
constexpr double kChangesTargetMs = 16;
constexpr std::size_t kChanges = 10'000;

struct Options {
    std::uint32_t seats = 100'000;
    int frames = 200;
    int changeRuns = 9;
    bool graphicsView = true;
    bool quick = false;
};

void printUsage(std::FILE* out)
{
    std::fprintf(out,
                 "usage: usher-bench seatmap [--seats N] [--frames F] [--quick] [--no-graphicsview]\n\n"
                 "  --seats N          seats of the generated venue (default 100000; --quick: 20000)\n"
                 "  --frames F         repaints timed per zoom level (default 200; --quick: 20)\n"
                 "  --quick            a smoke run of a few seconds\n"
                 "  --no-graphicsview  skip the QGraphicsView comparison\n"
                 "Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise, at 1920x1080.\n");
}

std::optional<int> parseInt(const std::string& text, int low, int high)
{
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < low || value > high)
        return std::nullopt;
    return value;
}

// Returns an error message, or an empty string when the arguments parsed; sets *help for --help.
std::string parseOptions(const std::vector<std::string>& arguments, Options* options, bool* help)
{
    std::optional<int> seats, frames;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& a = arguments[i];
        const std::string next = i + 1 < arguments.size() ? arguments[i + 1] : std::string();
        if (a == "-h" || a == "--help") {
            *help = true;
        } else if (a == "--quick") {
            options->quick = true;
        } else if (a == "--no-graphicsview") {
            options->graphicsView = false;
        } else if (a == "--seats") {
            if (!(seats = parseInt(next, 100, 2'000'000)))
                return "--seats takes a number from 100 to 2000000";
            ++i;
        } else if (a == "--frames") {
            if (!(frames = parseInt(next, 5, 100'000)))
                return "--frames takes a number from 5 to 100000";
            ++i;
        } else {
            return "seatmap: unknown option '" + a + "'";
        }
    }
    if (options->quick) {
        options->seats = 20'000;
        options->frames = 20;
        options->changeRuns = 3;
    }
    options->seats = std::uint32_t(seats.value_or(int(options->seats)));
    options->frames = frames.value_or(options->frames);
    return {};
}

EventSpec makeSpec(std::shared_ptr<Venue> venue)
{
    EventSpec spec;
    spec.id = 1;
    spec.name = "Seat map benchmark";
    spec.venue = std::move(venue);
    spec.priceTypes = { { "adult", "Adult" } };
    for (std::size_t c = 0; c < spec.venue->categories.size(); ++c)
        spec.prices.push_back({ spec.venue->categories[c].key, { Amount(2000 + 1000 * c) } });
    constexpr Timestamp offsale = std::numeric_limits<Timestamp>::max() / 2;
    spec.channels
        = { { 1, "Online", ChannelKind::Online, 0, offsale }, { 2, "Box office", ChannelKind::BoxOffice, 0, offsale } };
    const std::string problem = spec.finalize();
    (void)problem;
    return spec;
}

// A busy onsale: about 40% sold, some held and allocated, a few blocked.
std::vector<SeatDelta> onsale(std::uint32_t seats, std::mt19937_64& random)
{
    std::vector<SeatDelta> deltas;
    for (SeatIndex s = 0; s < seats; ++s) {
        const std::uint64_t roll = random() % 100;
        SeatDelta d;
        d.seat = s;
        if (roll < 40)
            d.status = SeatStatus::Sold;
        else if (roll < 45)
            d.status = SeatStatus::Held, d.holder = Actor { ActorKind::Buyer, roll };
        else if (roll < 47)
            d.status = SeatStatus::Blocked;
        else if (roll < 55)
            d.allocation = 2;
        else
            continue;
        deltas.push_back(d);
    }
    return deltas;
}

struct Samples {
    std::vector<double> ns;
    double medianMs() const { return median(ns) / 1e6; }
    double p99Ms() const { return percentile(ns, 0.99) / 1e6; }
};

template <typename F>
Samples timeEach(int count, F&& f)
{
    Samples samples;
    samples.ns.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const std::int64_t start = monotonicNs();
        f(i);
        samples.ns.push_back(double(monotonicNs() - start));
    }
    return samples;
}

std::string ms(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f ms", value);
    return text;
}

void addAtMost(BenchTable& table, const std::string& phase, const std::string& metric, double valueMs, double targetMs)
{
    table.add(phase, metric, ms(valueMs), "<= " + ms(targetMs), valueMs <= targetMs ? Verdict::Pass : Verdict::Miss);
}

struct Level {
    const char* name;
    double seatPx; // 0: fitted to the venue
};

class SeatMapBench {
public:
    SeatMapBench(const Options& options, BenchTable& table)
        : m_options(options)
        , m_table(table)
    {
    }

    bool run();

private:
    void setLevel(const Level& level);
    void measureLevel(const Level& level);
    void measureHitTest();
    void measureChanges(const Level& level);
    bool changedSeatsPainted(const std::vector<SeatDelta>& changes);
    void measureMemory(std::size_t residentBefore);

    Options m_options;
    BenchTable& m_table;
    std::mt19937_64 m_random { 20'251'128 };
    EventSpec m_spec;
    std::unique_ptr<ui::SeatMapModel> m_model;
    std::unique_ptr<ui::SeatMapWidget> m_map;
};

bool SeatMapBench::run()
{
    m_spec = makeSpec(generateVenueWithSeats(m_options.seats));
    const std::size_t before = residentBytes();
    const std::int64_t start = monotonicNs();
    m_model = std::make_unique<ui::SeatMapModel>(m_spec, ui::SeatMapPerspective { Actor { ActorKind::Clerk, 7 }, 2 });
    m_model->applyDeltas(onsale(m_model->seatCount(), m_random), {});
    m_map = std::make_unique<ui::SeatMapWidget>(*m_model);
    m_map->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_map->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_map->resize(kWidth, kHeight);
    m_map->show();
    QApplication::processEvents();
    m_map->viewport()->repaint();
    m_table.add("setup", "seats", formatCount(m_model->seatCount()));
    m_table.add("setup", "model + layout + first paint", formatSeconds(double(monotonicNs() - start) / 1e9));
    measureMemory(before);
    const Level levels[] = { { "fitted", 0 }, { "seats", 5 }, { "marks", 11 }, { "zoomed in", 28 } };
    for (const Level& level : levels)
        measureLevel(level);
    measureHitTest();
    for (const Level& level : { levels[0], levels[1], levels[3] })
        measureChanges(level);
    return !m_table.failed();
}

void SeatMapBench::setLevel(const Level& level)
{
    if (level.seatPx == 0)
        m_map->fitToVenue();
    else
        m_map->setView(level.seatPx / double(m_map->layout().seatSize()), m_map->layout().bounds().center());
    m_map->viewport()->repaint(); // builds the cache for this view
}

void SeatMapBench::measureLevel(const Level& level)
{
    setLevel(level);
    const std::string phase = level.name;
    m_table.add(phase, "scale / seat size",
                std::to_string(int(std::lround(m_map->scale()))) + " px/unit, "
                    + std::to_string(int(std::lround(m_map->scale() * m_map->layout().seatSize()))) + " px");
    const Samples repaint = timeEach(m_options.frames, [this](int) { m_map->viewport()->repaint(); });
    addAtMost(m_table, phase, "repaint median", repaint.medianMs(), kRepaintTargetMs);
    m_table.add(phase, "repaint p99", ms(repaint.p99Ms()));
    // What a zoom step costs: the whole view painted from scratch (the cache is rebuilt).
    ui::SeatMapRenderer renderer(m_map->layout(), *m_model);
    QImage image(kWidth, kHeight, QImage::Format_ARGB32_Premultiplied);
    const ui::SeatMapView view = m_map->view();
    const Samples render = timeEach(std::max(5, m_options.frames / 4), [&](int) {
        QPainter painter(&image);
        renderer.render(painter, view, QRectF(0, 0, kWidth, kHeight));
    });
    m_table.add(phase, "full re-render median (zoom step)", ms(render.medianMs()));
    m_table.add(phase, "full re-render p99", ms(render.p99Ms()));
    // A pan frame: the cache shifts by 7 px and the strip that came in is painted.
    const Samples pan = timeEach(m_options.frames, [this](int i) {
        m_map->panBy(QPointF(i % 2 == 0 ? 7 : -7, 0));
        m_map->viewport()->repaint();
    });
    addAtMost(m_table, phase, "pan frame median", pan.medianMs(), kRepaintTargetMs);
    m_table.add(phase, "pan frame p99", ms(pan.p99Ms()));
}

void SeatMapBench::measureHitTest()
{
    setLevel({ "marks", 11 });
    // Correctness: the centre of every visible seat (sampled) answers that seat.
    const QRectF visible(0, 0, kWidth, kHeight);
    int checked = 0;
    bool correct = true;
    for (SeatIndex s = 0; s < m_model->seatCount(); s += 13) {
        const QPointF p = m_map->view().toView(m_map->layout().position(s));
        if (!visible.contains(p))
            continue;
        ++checked;
        correct = correct && m_map->seatAt(p) == s;
    }
    m_table.add("hit-test", "seat centres answered right", std::to_string(checked), "all",
                correct && checked > 0 ? Verdict::Pass : Verdict::Fail);
    std::uniform_real_distribution<double> x(0, kWidth), y(0, kHeight);
    std::vector<QPointF> points(200'000);
    for (QPointF& p : points)
        p = QPointF(x(m_random), y(m_random));
    std::size_t hits = 0;
    const std::int64_t start = monotonicNs();
    for (const QPointF& p : points)
        hits += m_map->seatAt(p) != kNoSeat ? 1 : 0;
    const double ns = double(monotonicNs() - start) / double(points.size());
    m_table.add("hit-test", "per call (random points, " + std::to_string(hits * 100 / points.size()) + "% on a seat)",
                formatNs(ns), "<= 5 us", ns <= kHitTestTargetNs ? Verdict::Pass : Verdict::Miss);
}

bool SeatMapBench::changedSeatsPainted(const std::vector<SeatDelta>& changes)
{
    if (m_map->detail() < ui::SeatMapDetail::Seats)
        return true; // zoomed out there are no seats to look at; the section fills are checked by the tests
    const QImage image = m_map->viewport()->grab().toImage();
    const double px = m_map->layout().seatSize() * m_map->scale();
    for (const SeatDelta& d : changes) {
        const QPointF c = m_map->view().toView(m_map->layout().position(d.seat));
        const QPoint probe = (c + QPointF(-px * 0.38, 0)).toPoint();
        if (!image.rect().adjusted(2, 2, -2, -2).contains(probe))
            continue;
        const QColor want = m_map->seatPalette().stateFill(m_model->state(d.seat));
        const QColor got = image.pixelColor(probe);
        if (std::abs(got.red() - want.red()) > 24 || std::abs(got.green() - want.green()) > 24
            || std::abs(got.blue() - want.blue()) > 24)
            return false;
    }
    return true;
}

void SeatMapBench::measureChanges(const Level& level)
{
    setLevel(level);
    std::uniform_int_distribution<SeatIndex> pick(0, m_model->seatCount() - 1);
    bool painted = true;
    const Samples samples = timeEach(m_options.changeRuns, [&](int run) {
        std::vector<SeatDelta> changes(kChanges);
        for (SeatDelta& d : changes) {
            d.seat = pick(m_random);
            d.status = run % 2 == 0 ? SeatStatus::Sold : SeatStatus::Available;
        }
        m_model->applyDeltas(changes, {});
        m_map->viewport()->repaint();
        if (run == 0)
            painted = changedSeatsPainted(changes); // outside the figure that matters: once
    });
    const std::string phase = std::string("10K changes, ") + level.name;
    addAtMost(m_table, phase, "apply + paint median", samples.medianMs(), kChangesTargetMs);
    m_table.add(phase, "apply + paint max", ms(*std::max_element(samples.ns.begin(), samples.ns.end()) / 1e6));
    m_table.add(phase, "changed seats painted in their new state", painted ? "yes" : "no", "yes",
                painted ? Verdict::Pass : Verdict::Fail);
}

void SeatMapBench::measureMemory(std::size_t residentBefore)
{
    const double seats = m_model->seatCount();
    // What the map keeps per seat: the state byte and details in the model, positions and the grid
    // in the layout, the selection and dirty flags in the widget.
    const double model = double(sizeof(ui::SeatMapState) + sizeof(ui::SeatMapModel::SeatInfo));
    const double layout = double(m_map->layout().memoryBytes()) / seats;
    const double widget = 2;
    m_table.add("memory", "per seat (model + layout + widget)", formatBytes(model + layout + widget));
    const double resident = double(residentBytes()) - double(residentBefore);
    m_table.add("memory", "resident growth per seat (incl. caches)", formatBytes(resident / seats));
}

} // namespace

int runSeatMapBench(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err)
{
    Options options;
    bool help = false;
    if (const std::string problem = parseOptions(arguments, &options, &help); !problem.empty()) {
        std::fprintf(err, "usher-bench: %s\n\n", problem.c_str());
        printUsage(err);
        return 2;
    }
    if (help) {
        printUsage(out);
        return 0;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "usher-bench";
    static char* argv[] = { name, nullptr };
    QApplication app(argc, argv);
    std::fprintf(out, "usher-bench seatmap: %u seats at %dx%d, %d frames per figure; cpu %s x%u, load %.2f\n\n",
                 options.seats, kWidth, kHeight, options.frames, cpuModel().c_str(), cpuCount(), loadAverage());
    BenchTable table;
    bool ok = SeatMapBench(options, table).run();
    if (options.graphicsView)
        ok = runGraphicsViewBench(options.seats, std::max(5, options.frames / 10), kWidth, kHeight, table) && ok;
    table.print(out);
    return ok ? 0 : 1;
}

} // namespace usher::bench
