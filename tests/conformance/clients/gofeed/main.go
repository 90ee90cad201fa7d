// Command gofeed-dump parses feed documents with gofeed (github.com/mmcdole/gofeed,
// Debian golang-github-mmcdole-gofeed-dev), the parser behind many Go readers and
// bots, and prints what a program built on it sees, as a JSON list (one object per
// file, in order): the fields of gofeed's universal Feed and Item that readers show.
//
//	gofeed-dump FILE [FILE ...]
//
// Each FILE holds a document's bytes as served; gofeed detects RSS, Atom or JSON Feed.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/mmcdole/gofeed"
)

type item struct {
	GUID        string   `json:"guid"`
	Title       string   `json:"title"`
	Link        string   `json:"link"`
	Published   *string  `json:"published"`
	Updated     *string  `json:"updated"`
	Author      *string  `json:"author"`
	Authors     []string `json:"authors"`
	Categories  []string `json:"categories"`
	Description string   `json:"description"`
	Content     string   `json:"content"`
	// The item's picture as gofeed gives it: its enclosures, its Image (JSON Feed's
	// image; RSS only from iTunes), and the Media RSS content it keeps as an extension.
	Enclosures   []enclosure `json:"enclosures"`
	Image        *string     `json:"image"`
	MediaContent []string    `json:"mediaContent"`
}

type enclosure struct {
	URL    string `json:"url"`
	Type   string `json:"type"`
	Length string `json:"length"`
}

type result struct {
	Error    string  `json:"error,omitempty"`
	FeedType string  `json:"feedType"`
	Title    string  `json:"title"`
	Link     string  `json:"link"`
	FeedLink string  `json:"feedLink"`
	Language string  `json:"language"`
	Updated  *string `json:"updated"`
	Author   *string `json:"author"`
	Items    []item  `json:"items"`
}

// instant is a parsed date in UTC, RFC 3339 to the second; nil when gofeed found none.
func instant(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.UTC().Format(time.RFC3339)
	return &s
}

func name(p *gofeed.Person) *string {
	if p == nil {
		return nil
	}
	return &p.Name
}

func dump(path string) result {
	f, err := os.Open(path)
	if err != nil {
		return result{Error: err.Error()}
	}
	defer f.Close()
	feed, err := gofeed.NewParser().Parse(f)
	if err != nil {
		return result{Error: err.Error()}
	}
	out := result{
		FeedType: feed.FeedType,
		Title:    feed.Title,
		Link:     feed.Link,
		FeedLink: feed.FeedLink,
		Language: feed.Language,
		Updated:  instant(feed.UpdatedParsed),
		Author:   name(feed.Author),
		Items:    []item{},
	}
	for _, i := range feed.Items {
		authors := []string{}
		for _, a := range i.Authors {
			authors = append(authors, a.Name)
		}
		categories := i.Categories
		if categories == nil {
			categories = []string{}
		}
		enclosures := []enclosure{}
		for _, e := range i.Enclosures {
			enclosures = append(enclosures, enclosure{URL: e.URL, Type: e.Type, Length: e.Length})
		}
		var image *string
		if i.Image != nil {
			image = &i.Image.URL
		}
		media := []string{}
		for _, m := range i.Extensions["media"]["content"] {
			media = append(media, m.Attrs["url"])
		}
		out.Items = append(out.Items, item{
			GUID:         i.GUID,
			Title:        i.Title,
			Link:         i.Link,
			Published:    instant(i.PublishedParsed),
			Updated:      instant(i.UpdatedParsed),
			Author:       name(i.Author),
			Authors:      authors,
			Categories:   categories,
			Description:  i.Description,
			Content:      i.Content,
			Enclosures:   enclosures,
			Image:        image,
			MediaContent: media,
		})
	}
	return out
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gofeed-dump FILE [FILE ...]")
		os.Exit(2)
	}
	results := []result{}
	for _, path := range os.Args[1:] {
		results = append(results, dump(path))
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetEscapeHTML(false)
	encoder.SetIndent("", " ")
	if err := encoder.Encode(results); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
