#include "GraphicsViewBench.h"

#include "BenchSystem.h"
#include "venue/VenueGenerator.h"

#include <QApplication>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <array>
#include <cmath>
#include <memory>
#include <random>

namespace usher::bench {

namespace {

constexpr double kSeatSize = 0.78;
const std::array<QColor, 4> kColors
    = { QColor(0x00, 0x9e, 0x73), QColor(0x8c, 0x8c, 0x8c), QColor(0xe6, 0x9f, 0x00), QColor(0x3c, 0x3c, 0x3c) };

// A seat as a graphics item, drawn the cheapest way the chip demo suggests: a filled square, with
// a frame only when it is big enough to see one. (Fewer details than the seat map draws, which
// favours this side of the comparison.)
class SeatItem final : public QGraphicsItem {
public:
    explicit SeatItem(int state)
        : m_state(state)
    {
    }
    QRectF boundingRect() const override { return { -kSeatSize / 2, -kSeatSize / 2, kSeatSize, kSeatSize }; }
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override
    {
        const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
        painter->fillRect(boundingRect(), kColors[std::size_t(m_state)]);
        if (lod * kSeatSize >= 9) {
            painter->setPen(QPen(Qt::white, 0));
            painter->drawLine(QLineF(-0.2, -0.2, 0.2, 0.2));
        }
    }
    void setState(int state)
    {
        m_state = state;
        update();
    }
    int state() const { return m_state; }

private:
    int m_state;
};

std::string ms(double nsValue)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3f ms", nsValue / 1e6);
    return text;
}

} // namespace

bool runGraphicsViewBench(std::uint32_t seats, int frames, int width, int height, BenchTable& table)
{
    const std::shared_ptr<Venue> venue = generateVenueWithSeats(seats);
    std::mt19937_64 random(7);
    const std::size_t before = residentBytes();
    std::int64_t start = monotonicNs();
    QGraphicsScene scene;
    std::vector<SeatItem*> items;
    items.reserve(venue->seats.size());
    QRectF bounds;
    for (const VenueSeat& seat : venue->seats) {
        auto* item = new SeatItem(int(random() % 4));
        item->setPos(seat.x, seat.y);
        item->setRotation(seat.rotation);
        scene.addItem(item);
        items.push_back(item);
        bounds |= QRectF(seat.x - 1, seat.y - 1, 2, 2);
    }
    scene.setSceneRect(bounds);
    QGraphicsView view(&scene);
    view.setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    view.setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    view.setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view.setFrameShape(QFrame::NoFrame);
    view.resize(width, height);
    view.show();
    QApplication::processEvents();
    view.fitInView(bounds, Qt::KeepAspectRatio);
    view.viewport()->repaint(); // builds the BSP tree
    table.add("graphicsview", "scene + index + first paint", formatSeconds(double(monotonicNs() - start) / 1e9));
    table.add("graphicsview", "resident growth per seat",
              formatBytes((double(residentBytes()) - double(before)) / double(venue->seats.size())));

    auto repaint = [&](const char* phase) {
        std::vector<double> ns;
        for (int i = 0; i < frames; ++i) {
            start = monotonicNs();
            view.viewport()->repaint();
            ns.push_back(double(monotonicNs() - start));
        }
        table.add("graphicsview", std::string(phase) + " repaint median", ms(median(ns)));
        table.add("graphicsview", std::string(phase) + " repaint p99", ms(percentile(ns, 0.99)));
    };
    repaint("fitted");
    view.resetTransform();
    view.scale(28 / kSeatSize, 28 / kSeatSize);
    view.centerOn(bounds.center());
    repaint("zoomed in");

    // Hit-test through the view's index, and its correctness at seat centres.
    bool correct = true;
    for (std::size_t i = 0; i < items.size(); i += 997) {
        const QPoint p = view.mapFromScene(items[i]->pos());
        if (view.viewport()->rect().contains(p))
            correct = correct && view.itemAt(p) == items[i];
    }
    std::uniform_int_distribution<int> x(0, width - 1), y(0, height - 1);
    constexpr int kProbes = 20'000;
    start = monotonicNs();
    int hits = 0;
    for (int i = 0; i < kProbes; ++i)
        hits += view.itemAt(QPoint(x(random), y(random))) != nullptr ? 1 : 0;
    table.add("graphicsview", "hit-test per call (itemAt)", formatNs(double(monotonicNs() - start) / kProbes));
    table.add("graphicsview", "seat centres answered right", correct ? "yes" : "no", "yes",
              correct ? Verdict::Pass : Verdict::Fail);
    (void)hits;

    // 10,000 state changes, then one repaint (fitted: every item is visible).
    view.fitInView(bounds, Qt::KeepAspectRatio);
    view.viewport()->repaint();
    std::uniform_int_distribution<std::size_t> pick(0, items.size() - 1);
    std::vector<double> ns;
    for (int run = 0; run < 3; ++run) {
        start = monotonicNs();
        for (int i = 0; i < 10'000; ++i) {
            SeatItem* item = items[pick(random)];
            item->setState((item->state() + 1) % 4);
        }
        view.viewport()->repaint();
        ns.push_back(double(monotonicNs() - start));
    }
    table.add("graphicsview", "10K changes apply + paint median (fitted)", ms(median(ns)));
    return correct;
}

} // namespace usher::bench
