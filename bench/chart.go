package bench

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// Bar is one group of the chart: a label and one value per series.
type Bar struct {
	Label  string
	Values []float64
}

// Chart draws grouped horizontal bars on a log-free linear scale per row: each
// row is scaled to its own largest value, and the values are printed.
func Chart(w io.Writer, title string, series []string, bars []Bar, unit string) error {
	const rowH, barH, left, width = 62, 16, 150, 900
	h := 60 + rowH*len(bars) + 30
	img := image.NewRGBA(image.Rect(0, 0, width, h))
	draw.Draw(img, img.Bounds(), &image.Uniform{color.White}, image.Point{}, draw.Src)
	colors := []color.RGBA{{46, 110, 180, 255}, {200, 120, 40, 255}, {90, 160, 90, 255}}
	text := func(x, y int, s string, c color.Color) {
		d := &font.Drawer{Dst: img, Src: &image.Uniform{c}, Face: basicfont.Face7x13, Dot: fixed.P(x, y)}
		d.DrawString(s)
	}
	text(10, 20, title, color.Black)
	for i, s := range series {
		x := 10 + i*220
		draw.Draw(img, image.Rect(x, 30, x+12, 42), &image.Uniform{colors[i%len(colors)]}, image.Point{}, draw.Src)
		text(x+18, 41, s, color.Black)
	}
	maxV := 0.0
	for _, b := range bars {
		for _, v := range b.Values {
			maxV = max(maxV, v)
		}
	}
	if maxV == 0 {
		maxV = 1
	}
	for i, b := range bars {
		y := 60 + i*rowH
		text(10, y+barH, b.Label, color.Black)
		for j, v := range b.Values {
			l := int(float64(width-left-120) * v / maxV)
			yy := y + j*(barH+2)
			draw.Draw(img, image.Rect(left, yy, left+max(l, 1), yy+barH), &image.Uniform{colors[j%len(colors)]}, image.Point{}, draw.Src)
			text(left+l+6, yy+12, fmt.Sprintf("%.3g %s", v, unit), color.Black)
		}
	}
	return png.Encode(w, img)
}
