package io.wbo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** wbo: a back office for securities brokers, one deployable made of the modules under this package. */
@SpringBootApplication
@Modulithic(sharedModules = "common")
public class WboApplication {

	public static void main(String[] args) {
		SpringApplication.run(WboApplication.class, args);
	}
}
