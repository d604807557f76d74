package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Each input line: spec<TAB>startRFC3339<TAB>count. Output: one line of times (UTC RFC3339, "zero" for none) or "error: msg".
func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		s, err := cron.ParseStandard(parts[0])
		if err != nil {
			fmt.Println("error: " + err.Error())
			continue
		}
		if len(parts) < 3 {
			fmt.Println("ok")
			continue
		}
		t, _ := time.Parse(time.RFC3339, parts[1])
		n, _ := strconv.Atoi(parts[2])
		out := []string{}
		for i := 0; i < n; i++ {
			t = s.Next(t)
			if t.IsZero() {
				out = append(out, "zero")
				break
			}
			out = append(out, t.UTC().Format(time.RFC3339))
		}
		fmt.Println(strings.Join(out, " "))
	}
}
